namespace Bandit.Bench.Baselines.InMemory;

/// <summary>One post's counts, its score, and where it sits in the heap.</summary>
internal sealed class ArmCounts(string postId)
{
    public string PostId { get; } = postId;

    public long Impressions { get; set; }

    public long Clicks { get; set; }

    public double Score { get; set; }

    public int HeapIndex { get; set; } = -1;

    /// <summary>True when this arm ranks above <paramref name="other"/>: higher score, then lower post id.</summary>
    public bool RanksAbove(ArmCounts other) =>
        Score != other.Score ? Score > other.Score : string.CompareOrdinal(PostId, other.PostId) < 0;
}
