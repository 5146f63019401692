using Confluent.Kafka;

namespace Bandit.Streaming.Kafka;

/// <summary>Consecutive records read from one partition in one pull.</summary>
/// <param name="Topic">The topic.</param>
/// <param name="Partition">The partition.</param>
/// <param name="Records">The records, ascending by offset; never empty.</param>
public sealed record KafkaRecordBatch(
    string Topic,
    int Partition,
    IReadOnlyList<ConsumeResult<byte[]?, byte[]?>> Records)
{
    /// <summary>Offset of the last record.</summary>
    public long LastOffset => Records[^1].Offset.Value;
}
