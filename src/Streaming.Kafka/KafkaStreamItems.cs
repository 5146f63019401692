using Orleans.Runtime;

namespace Bandit.Streaming.Kafka;

/// <summary>Items for one Orleans stream, made from a <see cref="KafkaRecordBatch"/>.</summary>
/// <param name="StreamId">Where the items go.</param>
/// <param name="Items">The items, in order.</param>
public sealed record KafkaStreamItems(StreamId StreamId, IReadOnlyList<object> Items);
