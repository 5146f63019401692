namespace Bandit.Grains;

/// <summary>A decoded click-stream record, as carried through Orleans streaming.</summary>
/// <param name="Offset">The record's offset in its partition.</param>
/// <param name="PostId">The post.</param>
/// <param name="Kind">Impression or click.</param>
/// <param name="EventTimeUnixMs">When it happened.</param>
/// <param name="EventKey">The producer's event id as <see cref="EventKeys.Of"/>: 8 bytes instead of a string.</param>
[GenerateSerializer, Immutable, Alias("bandit.ClickEvent")]
public sealed record ClickEvent(
    [property: Id(0)] long Offset,
    [property: Id(1)] string PostId,
    [property: Id(2)] ArmEventKind Kind,
    [property: Id(3)] long EventTimeUnixMs,
    [property: Id(4)] ulong EventKey);
