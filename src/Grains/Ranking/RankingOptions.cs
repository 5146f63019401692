namespace Bandit.Grains.Ranking;

/// <summary>How rankings are kept and served. Bound from <c>Bandit:Ranking</c>.</summary>
public sealed class RankingOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Bandit:Ranking";

    /// <summary>Default number of ranker shards.</summary>
    public const int DefaultShardCount = 8;

    /// <summary>Default number of arms per shard that a sampled ranking draws from.</summary>
    public const int DefaultCandidatePoolSize = 4096;

    /// <summary>
    /// Ranker shards; a power of two that divides <see cref="PostSharding.DirectoryBuckets"/>.
    /// Every silo of a cluster must use the same value.
    /// </summary>
    public int ShardCount { get; set; } = DefaultShardCount;

    /// <summary>The policy of requests that name none.</summary>
    public RankingPolicy DefaultPolicy { get; set; } = RankingPolicy.ThompsonSampling;

    /// <summary>
    /// Arms per shard, by posterior mean, that a Thompson-sampled ranking draws from; a shard with fewer
    /// arms samples all of them.
    /// </summary>
    public int CandidatePoolSize { get; set; } = DefaultCandidatePoolSize;
}
