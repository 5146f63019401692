namespace Bandit.Gateway.Live;

/// <summary>
/// Served slots and explored slots over the last few seconds, in one bucket per second. Not thread-safe.
/// </summary>
internal sealed class ExplorationWindow
{
    private readonly long[] _second;
    private readonly long[] _explored;
    private readonly long[] _counted;

    public ExplorationWindow(int seconds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(seconds, 1);

        _second = new long[seconds];
        Array.Fill(_second, long.MinValue);
        _explored = new long[seconds];
        _counted = new long[seconds];
    }

    public int Seconds => _second.Length;

    public void Add(long nowUnixMs, long explored, long counted)
    {
        var second = Math.DivRem(nowUnixMs, 1000).Quotient;
        var i = (int)(((second % Seconds) + Seconds) % Seconds);
        if (_second[i] != second)
        {
            (_second[i], _explored[i], _counted[i]) = (second, 0, 0);
        }

        _explored[i] += explored;
        _counted[i] += counted;
    }

    /// <summary>Explored and counted slots of the buckets within the window ending now.</summary>
    public (long Explored, long Counted) Totals(long nowUnixMs)
    {
        var now = Math.DivRem(nowUnixMs, 1000).Quotient;
        long explored = 0, counted = 0;
        for (var i = 0; i < Seconds; i++)
        {
            if (_second[i] > now - Seconds && _second[i] <= now)
            {
                explored += _explored[i];
                counted += _counted[i];
            }
        }

        return (explored, counted);
    }

    /// <summary>
    /// Counts the slots of one served ranking against the greedy ranking of the same moment: a slot explored
    /// when its post is not the greedy choice for its position. Slots deeper than the greedy ranking known
    /// are not counted.
    /// </summary>
    public static (long Explored, long Counted) Classify(IReadOnlyList<string> served, IReadOnlyList<string> greedy)
    {
        ArgumentNullException.ThrowIfNull(served);
        ArgumentNullException.ThrowIfNull(greedy);

        var counted = Math.Min(served.Count, greedy.Count);
        long explored = 0;
        for (var i = 0; i < counted; i++)
        {
            if (!string.Equals(served[i], greedy[i], StringComparison.Ordinal))
            {
                explored++;
            }
        }

        return (explored, counted);
    }
}
