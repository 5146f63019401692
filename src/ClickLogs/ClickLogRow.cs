namespace Bandit.ClickLogs;

/// <summary>One impression from a click log, clicked or not.</summary>
/// <param name="Line">1-based line number in the file, for error messages and event ids.</param>
/// <param name="Timestamp">When the impression happened.</param>
/// <param name="PostId">The post shown.</param>
/// <param name="Clicked">Whether it was clicked.</param>
/// <param name="Position">1-based slot, 0 when the log has none.</param>
/// <param name="Propensity">
/// Probability the logging policy had of showing this post at this position, when the log records it (the
/// Open Bandit Dataset's propensity_score); what off-policy estimates weigh by.
/// </param>
public sealed record ClickLogRow(
    long Line,
    DateTimeOffset Timestamp,
    string PostId,
    bool Clicked,
    int Position,
    double? Propensity = null);
