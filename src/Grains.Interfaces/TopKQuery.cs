namespace Bandit.Grains;

/// <summary>A request for the best posts.</summary>
/// <param name="K">How many posts, 1 to <see cref="MaxK"/>.</param>
/// <param name="Policy">The scoring policy.</param>
/// <param name="Seed">Makes sampled policies reproducible; <c>null</c> draws a fresh seed.</param>
[GenerateSerializer, Immutable, Alias("bandit.TopKQuery")]
public sealed record TopKQuery(
    [property: Id(0)] int K,
    [property: Id(1)] RankingPolicy Policy,
    [property: Id(2)] ulong? Seed = null)
{
    /// <summary>The largest K the service answers.</summary>
    public const int MaxK = 1000;
}
