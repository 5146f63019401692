namespace Bandit.Grains;

/// <summary>The events of one delivered stream batch that concern one arm shard, grouped by post.</summary>
/// <param name="Partition">The Kafka partition all of the events were read from.</param>
/// <param name="Posts">One group per post, each in offset order.</param>
/// <param name="Cut">The newest snapshot cut of the partition, if any (see <see cref="SnapshotCut"/>).</param>
[GenerateSerializer, Immutable, Alias("bandit.ShardEventBatch")]
public sealed record ShardEventBatch(
    [property: Id(0)] int Partition,
    [property: Id(1)] PostEvents[] Posts,
    [property: Id(2)] ArmCut? Cut = null);
