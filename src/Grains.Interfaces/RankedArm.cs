namespace Bandit.Grains;

/// <summary>An arm with the score a policy gave it.</summary>
/// <param name="Arm">The arm.</param>
/// <param name="Score">The value it was ranked by.</param>
/// <param name="Propensity">
/// The probability that the policy put this post at this position given the posts above it, where the
/// policy defines one in closed form (not for Thompson sampling); what off-policy evaluation weighs by.
/// </param>
[GenerateSerializer, Immutable, Alias("bandit.RankedArm")]
public sealed record RankedArm(
    [property: Id(0)] ArmSnapshot Arm,
    [property: Id(1)] double Score,
    [property: Id(2)] double? Propensity = null);
