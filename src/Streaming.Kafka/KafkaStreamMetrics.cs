using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Bandit.Streaming.Kafka;

/// <summary>
/// Consumer lag per partition read by this process: records the broker holds beyond what was handed to
/// Orleans. Observed on demand from librdkafka's cached watermarks, so scraping costs no broker call.
/// </summary>
internal sealed class KafkaStreamMetrics : IDisposable
{
    /// <summary>Name of the meter.</summary>
    public const string MeterName = "Bandit.Streaming.Kafka";

    private readonly Meter _meter;
    private readonly ConcurrentDictionary<int, KafkaQueueAdapterReceiver> _receivers = new();
    private readonly Counter<long> _recordsGone;
    private readonly string _providerName;
    private readonly string _topic;

    public KafkaStreamMetrics(IMeterFactory meterFactory, string providerName, string topic)
    {
        _meter = meterFactory.Create(MeterName);
        _providerName = providerName;
        _topic = topic;
        _recordsGone = _meter.CreateCounter<long>(
            "bandit.kafka.records_gone",
            "{record}",
            "Records the broker had deleted (retention) before this silo read them: never counted");
        _meter.CreateObservableGauge(
            "bandit.kafka.consumer_lag",
            () => _receivers.Select(r => (r.Key, Lag: r.Value.Lag))
                .Where(r => r.Lag is not null)
                .Select(r => new Measurement<long>(
                    r.Lag!.Value,
                    new KeyValuePair<string, object?>("provider", providerName),
                    new KeyValuePair<string, object?>("topic", topic),
                    new KeyValuePair<string, object?>("partition", r.Key))),
            "{record}",
            "Records in the partition not yet read by this silo");
    }

    public void RecordSkipped(int partition, long count) => _recordsGone.Add(
        count,
        new KeyValuePair<string, object?>("provider", _providerName),
        new KeyValuePair<string, object?>("topic", _topic),
        new KeyValuePair<string, object?>("partition", partition));

    public void Track(int partition, KafkaQueueAdapterReceiver receiver) => _receivers[partition] = receiver;

    public void Untrack(int partition, KafkaQueueAdapterReceiver receiver) =>
        _receivers.TryRemove(new KeyValuePair<int, KafkaQueueAdapterReceiver>(partition, receiver));

    public void Dispose() => _meter.Dispose();
}
