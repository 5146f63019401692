namespace Bandit.Bench.Load;

/// <summary>What a preload put into its topic, and what the broker kept of it.</summary>
/// <param name="DistinctCurve">Distinct posts seen by the end of each of <see cref="CurvePoints"/> slices.</param>
internal sealed record PreloadResult(
    string Topic,
    int Arms,
    int DistinctArms,
    IReadOnlyList<int> DistinctCurve,
    long Events,
    long Clicks,
    TimeSpan Elapsed,
    TopicWatermarks Watermarks)
{
    /// <summary>True when the broker holds every event produced, from offset 0 of every partition.</summary>
    public bool Complete => Watermarks.Dropped == 0 && Watermarks.Appended == Events;

    public double EventsPerSecond => Events / Elapsed.TotalSeconds;

    public const int CurvePoints = 200;

    public long LargestPartition => Watermarks.Partitions.Max(p => p.High);

    /// <summary>
    /// Distinct posts among the first <paramref name="applied"/> events: how many arms a system that stopped
    /// part way holds, taking its partitions to have moved at about the same pace.
    /// </summary>
    public double DistinctArmsWithin(long applied)
    {
        if (applied >= Events)
        {
            return DistinctArms;
        }

        var position = (double)applied * CurvePoints / Events;
        var slice = (int)position;
        var before = slice == 0 ? 0 : DistinctCurve[slice - 1];
        return before + (DistinctCurve[slice] - before) * (position - slice);
    }
}
