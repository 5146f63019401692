namespace Bandit.Grains;

/// <summary>The events of one post within a batch, ascending by offset.</summary>
[GenerateSerializer, Immutable, Alias("bandit.PostEvents")]
public sealed record PostEvents([property: Id(0)] string PostId, [property: Id(1)] ArmEvent[] Events);
