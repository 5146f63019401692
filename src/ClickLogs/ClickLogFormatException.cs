namespace Bandit.ClickLogs;

/// <summary>A click log line that cannot be read; the message names the line and the field.</summary>
public sealed class ClickLogFormatException(string message) : FormatException(message);
