namespace Bandit.ClickLogs;

/// <summary>The outcome of publishing a click log.</summary>
/// <param name="Progress">Final counts.</param>
/// <param name="Clicks">How many of the events were clicks.</param>
/// <param name="LastOffsets">
/// Highest acknowledged offset per partition: what must be applied before the log is in.
/// </param>
/// <param name="Elapsed">Wall time until the last acknowledgement.</param>
public sealed record PublishSummary(
    PublishProgress Progress,
    long Clicks,
    IReadOnlyDictionary<int, long> LastOffsets,
    TimeSpan Elapsed);
