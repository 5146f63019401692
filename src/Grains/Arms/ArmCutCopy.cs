namespace Bandit.Grains.Arms;

/// <summary>
/// An arm as of a snapshot cut, kept (in the same write) when the first record after the cut arrived.
/// </summary>
/// <param name="CutId">The cut.</param>
/// <param name="Arm">The arm then; <c>null</c> when the post was not known yet.</param>
[GenerateSerializer, Immutable, Alias("bandit.ArmCutCopy")]
public sealed record ArmCutCopy([property: Id(0)] string CutId, [property: Id(1)] ArmSnapshot? Arm);
