namespace Bandit.Bench.Load;

/// <summary>What a preload put into its topic, and what the broker kept of it.</summary>
internal sealed record PreloadResult(
    string Topic,
    int Arms,
    int DistinctArms,
    long Events,
    long Clicks,
    TimeSpan Elapsed,
    TopicWatermarks Watermarks)
{
    /// <summary>True when the broker holds every event produced, from offset 0 of every partition.</summary>
    public bool Complete => Watermarks.Dropped == 0 && Watermarks.Appended == Events;

    public double EventsPerSecond => Events / Elapsed.TotalSeconds;

    public long LargestPartition => Watermarks.Partitions.Max(p => p.High);
}
