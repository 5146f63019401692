namespace Bandit.Grains;

/// <summary>A request for the best posts.</summary>
/// <param name="K">How many posts, 1 to <see cref="MaxK"/>.</param>
/// <param name="Policy">The scoring policy.</param>
/// <param name="Seed">Makes sampled policies reproducible; <c>null</c> draws a fresh seed.</param>
/// <param name="Epsilon">
/// Exploration probability per slot of <see cref="RankingPolicy.EpsilonGreedy"/>; <c>null</c> takes the
/// configured one.
/// </param>
[GenerateSerializer, Immutable, Alias("bandit.TopKQuery")]
public sealed record TopKQuery(
    [property: Id(0)] int K,
    [property: Id(1)] RankingPolicy Policy,
    [property: Id(2)] ulong? Seed = null,
    [property: Id(3)] double? Epsilon = null)
{
    /// <summary>The largest K the service answers.</summary>
    public const int MaxK = 1000;

    /// <summary>True for policies whose answer depends on random draws.</summary>
    public bool IsRandomized => Policy is RankingPolicy.ThompsonSampling
        or RankingPolicy.EpsilonGreedy
        or RankingPolicy.UniformRandom;
}
