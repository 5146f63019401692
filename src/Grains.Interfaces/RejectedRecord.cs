namespace Bandit.Grains;

/// <summary>A click-stream record that could not be accepted, kept whole for the dead-letter topic.</summary>
/// <param name="Offset">Its offset in the partition.</param>
/// <param name="Reason">Why it was refused.</param>
/// <param name="Key">The record's key, as read.</param>
/// <param name="Value">The record's value, as read.</param>
[GenerateSerializer, Immutable, Alias("bandit.RejectedRecord")]
public sealed record RejectedRecord(
    [property: Id(0)] long Offset,
    [property: Id(1)] string Reason,
    [property: Id(2)] byte[]? Key,
    [property: Id(3)] byte[]? Value);
