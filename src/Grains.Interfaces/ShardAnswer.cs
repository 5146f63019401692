namespace Bandit.Grains;

/// <summary>What one ranker shard contributes to a ranking.</summary>
/// <param name="Best">The shard's best arms under the query's policy, best first.</param>
/// <param name="Random">
/// Arms in uniformly random order, for policies that explore uniformly (empty for the others).
/// </param>
/// <param name="ArmCount">How many arms the shard holds.</param>
[GenerateSerializer, Immutable, Alias("bandit.ShardAnswer")]
public sealed record ShardAnswer(
    [property: Id(0)] RankedArm[] Best,
    [property: Id(1)] RankedArm[] Random,
    [property: Id(2)] int ArmCount);
