namespace Bandit.Grains;

/// <summary>The arms of one directory bucket as of a snapshot cut.</summary>
/// <param name="Arms">Arms known at the cut, in no particular order.</param>
/// <param name="Superseded">
/// True when an arm of the bucket moved past the cut and kept its copy for a newer cut instead: the snapshot
/// can no longer be consistent and must be taken again.
/// </param>
[GenerateSerializer, Immutable, Alias("bandit.BucketAtCut")]
public sealed record BucketAtCut([property: Id(0)] ArmSnapshot[] Arms, [property: Id(1)] bool Superseded);
