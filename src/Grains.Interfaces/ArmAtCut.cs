namespace Bandit.Grains;

/// <summary>An arm as of a snapshot cut.</summary>
/// <param name="Arm">The arm as of the cut; <c>null</c> when the post was unknown then.</param>
/// <param name="Superseded">
/// True when the arm has moved past the cut and kept its copy for a newer cut instead: the snapshot can no
/// longer be consistent and must be taken again.
/// </param>
[GenerateSerializer, Immutable, Alias("bandit.ArmAtCut")]
public sealed record ArmAtCut([property: Id(0)] ArmSnapshot? Arm, [property: Id(1)] bool Superseded = false);
