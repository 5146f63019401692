namespace Bandit.ClickLogs;

/// <summary>One impression from a click log, clicked or not.</summary>
/// <param name="Line">1-based line number in the file, for error messages and event ids.</param>
/// <param name="Timestamp">When the impression happened.</param>
/// <param name="PostId">The post shown.</param>
/// <param name="Clicked">Whether it was clicked.</param>
/// <param name="Position">1-based slot, 0 when the log has none.</param>
public sealed record ClickLogRow(long Line, DateTimeOffset Timestamp, string PostId, bool Clicked, int Position);
