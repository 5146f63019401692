namespace Bandit.Grains;

/// <summary>
/// Tells an arm that a snapshot cut was taken in the partition of its batch: before applying records after
/// <paramref name="Offset"/> for the first time, the arm keeps a copy of its state for that cut.
/// </summary>
/// <param name="CutId">The cut.</param>
/// <param name="Offset">The partition's last offset included in the cut.</param>
[GenerateSerializer, Immutable, Alias("bandit.ArmCut")]
public sealed record ArmCut([property: Id(0)] string CutId, [property: Id(1)] long Offset);
