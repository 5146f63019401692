namespace Bandit.Grains;

/// <summary>
/// A consistent cut of the click stream for a snapshot: per partition, the last offset it includes.
/// </summary>
/// <param name="CutId">Names the cut; arms keep their state as of the newest cut they were told about.</param>
/// <param name="Offsets">Last included offset, indexed by partition; -1 includes nothing of it.</param>
[GenerateSerializer, Immutable, Alias("bandit.SnapshotCut")]
public sealed record SnapshotCut([property: Id(0)] string CutId, [property: Id(1)] long[] Offsets);
