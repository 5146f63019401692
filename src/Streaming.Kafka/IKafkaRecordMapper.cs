namespace Bandit.Streaming.Kafka;

/// <summary>
/// Turns raw records into stream items. The application owns the record format, the choice of stream per
/// record, and what happens to records it cannot read; the provider owns offsets and delivery.
/// Registered in DI as a keyed service under the stream provider's name.
/// </summary>
public interface IKafkaRecordMapper
{
    /// <summary>Maps one pull's records; may return nothing when every record was rejected.</summary>
    IReadOnlyList<KafkaStreamItems> Map(KafkaRecordBatch batch);
}
