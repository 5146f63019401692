namespace Bandit.Grains;

/// <summary>
/// Consecutive records of one partition, delivered as one stream item so that a partition's events reach
/// their arms in bulk rather than one grain call each.
/// </summary>
/// <param name="Partition">The Kafka partition.</param>
/// <param name="LastOffset">Offset of the last record the batch covers, including records that were rejected.</param>
/// <param name="Events">The valid events, ascending by offset.</param>
/// <param name="Rejected">The records that were refused, bound for the dead-letter topic.</param>
[GenerateSerializer, Immutable, Alias("bandit.ClickEventBatch")]
public sealed record ClickEventBatch(
    [property: Id(0)] int Partition,
    [property: Id(1)] long LastOffset,
    [property: Id(2)] ClickEvent[] Events,
    [property: Id(3)] RejectedRecord[] Rejected);
