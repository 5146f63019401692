using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Orleans.Streams;

namespace Bandit.Streaming.Kafka;

/// <summary>
/// Read-only adapter: events enter the topic through ordinary Kafka producers, which is what lets systems
/// outside Orleans feed it.
/// </summary>
internal sealed class KafkaQueueAdapter(
    string name,
    KafkaStreamOptions options,
    HashRingBasedPartitionedStreamQueueMapper queueMapper,
    IKafkaRecordMapper mapper,
    IKafkaCommitGate? commitGate,
    KafkaStreamMetrics metrics,
    ILoggerFactory loggerFactory) : IQueueAdapter
{
    private readonly ReadAheadBudget _readAhead = new(options.ReadAheadRecords);

    public string Name => name;

    public bool IsRewindable => false;

    public StreamProviderDirection Direction => StreamProviderDirection.ReadOnly;

    public Task QueueMessageBatchAsync<T>(
        StreamId streamId,
        IEnumerable<T> events,
        StreamSequenceToken? token,
        Dictionary<string, object>? requestContext) =>
        throw new NotSupportedException(
            $"Stream provider '{name}' is read-only: produce to Kafka topic '{options.Topic}'.");

    public IQueueAdapterReceiver CreateReceiver(QueueId queueId)
    {
        var partition = int.Parse(
            queueMapper.QueueToPartition(queueId),
            System.Globalization.CultureInfo.InvariantCulture);
        return new KafkaQueueAdapterReceiver(
            name,
            partition,
            options,
            mapper,
            commitGate,
            _readAhead,
            metrics,
            loggerFactory.CreateLogger<KafkaQueueAdapterReceiver>());
    }
}
