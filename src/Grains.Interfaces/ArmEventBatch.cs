namespace Bandit.Grains;

/// <summary>The events of one delivered stream batch that concern one post, in offset order.</summary>
/// <param name="Partition">The Kafka partition all of the events were read from.</param>
/// <param name="Events">The events, ascending by offset.</param>
[GenerateSerializer, Immutable, Alias("bandit.ArmEventBatch")]
public sealed record ArmEventBatch(
    [property: Id(0)] int Partition,
    [property: Id(1)] ArmEvent[] Events);
