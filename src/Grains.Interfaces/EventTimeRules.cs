namespace Bandit.Grains;

/// <summary>Which event times are believable. Shared by the gateway and the stream decoder.</summary>
public static class EventTimeRules
{
    /// <summary>Events older than this are taken for corrupt clocks, not history.</summary>
    public static readonly DateTimeOffset Earliest = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>How far ahead of the receiving clock an event time may be.</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromDays(1);

    /// <summary>Why the time is refused, or <c>null</c> when it is accepted.</summary>
    public static string? Validate(long eventTimeUnixMs, DateTimeOffset now)
    {
        var latest = (now + MaxClockSkew).ToUnixTimeMilliseconds();
        return eventTimeUnixMs < Earliest.ToUnixTimeMilliseconds() || eventTimeUnixMs > latest
            ? $"event time {eventTimeUnixMs} ms is outside {Earliest:yyyy-MM-dd}..now+1d"
            : null;
    }
}
