namespace Bandit.Grains;

/// <summary>The events of one delivered stream batch that concern one post, in offset order.</summary>
/// <param name="Partition">The Kafka partition all of the events were read from.</param>
/// <param name="Events">The events, ascending by offset.</param>
/// <param name="Cut">The newest snapshot cut of the partition, if any (see <see cref="SnapshotCut"/>).</param>
[GenerateSerializer, Immutable, Alias("bandit.ArmEventBatch")]
public sealed record ArmEventBatch(
    [property: Id(0)] int Partition,
    [property: Id(1)] ArmEvent[] Events,
    [property: Id(2)] ArmCut? Cut = null);
