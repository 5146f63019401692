namespace Bandit.Grains;

/// <summary>One click-stream event for one post, with the stream offset it was read at.</summary>
/// <param name="Offset">The record's offset in its Kafka partition.</param>
/// <param name="Kind">Impression or click.</param>
/// <param name="EventTimeUnixMs">When it happened, milliseconds since the Unix epoch.</param>
/// <param name="EventKey">The producer's event id as <see cref="EventKeys.Of"/>; 0 when it had none.</param>
[GenerateSerializer, Immutable, Alias("bandit.ArmEvent")]
public readonly record struct ArmEvent(
    [property: Id(0)] long Offset,
    [property: Id(1)] ArmEventKind Kind,
    [property: Id(2)] long EventTimeUnixMs,
    [property: Id(3)] ulong EventKey = 0);
