namespace Bandit.Grains;

/// <summary>An arm with the score a policy gave it.</summary>
/// <param name="Arm">The arm.</param>
/// <param name="Score">The value it was ranked by.</param>
[GenerateSerializer, Immutable, Alias("bandit.RankedArm")]
public sealed record RankedArm(
    [property: Id(0)] ArmSnapshot Arm,
    [property: Id(1)] double Score);
