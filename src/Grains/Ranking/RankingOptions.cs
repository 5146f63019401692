using Bandit.Ranking;

namespace Bandit.Grains.Ranking;

/// <summary>How rankings are kept and served. Bound from <c>Bandit:Ranking</c>.</summary>
public sealed class RankingOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Bandit:Ranking";

    /// <summary>Default number of ranker shards.</summary>
    public const int DefaultShardCount = 8;

    /// <summary>Default exploration probability of epsilon-greedy.</summary>
    public const double DefaultEpsilon = 0.1;

    /// <summary>
    /// Ranker shards; a power of two that divides <see cref="PostSharding.DirectoryBuckets"/>.
    /// Every silo of a cluster must use the same value.
    /// </summary>
    public int ShardCount { get; set; } = DefaultShardCount;

    /// <summary>
    /// Arms per shard, by upper posterior quantile, that a Thompson-sampled ranking draws from; a shard with
    /// fewer arms samples all of them.
    /// </summary>
    public int CandidatePoolSize { get; set; } = ArmBookSettings.DefaultCandidatePoolSize;

    /// <summary>The most recently added arms of each shard, always among the Thompson candidates.</summary>
    public int NewArmSlots { get; set; } = ArmBookSettings.DefaultNewArmSlots;

    /// <summary>
    /// The posterior quantile Bayes-UCB ranks by, in [0.5, 0.999999]; it also orders the Thompson candidate
    /// pool. Higher explores more.
    /// </summary>
    public double UpperQuantile { get; set; } = ArmBookSettings.DefaultUpperQuantile;

    /// <summary>
    /// Thompson sampling draws with the posterior's variance times this, in (0, 1]: 1 is textbook Thompson
    /// sampling; the default 1/16 explores less and won on the ZOZOTOWN simulation (docs/ranking.md).
    /// </summary>
    public double ThompsonVarianceScale { get; set; } = ArmBookSettings.DefaultThompsonVarianceScale;

    /// <summary>Exploration probability per slot of epsilon-greedy, in [0, 1].</summary>
    public double Epsilon { get; set; } = DefaultEpsilon;

    /// <summary>The settings of a shard's arm book, with the arms' evidence half-life.</summary>
    public ArmBookSettings ToBookSettings(TimeSpan? halfLife) =>
        new(UpperQuantile, CandidatePoolSize, NewArmSlots, halfLife, ThompsonVarianceScale);
}
