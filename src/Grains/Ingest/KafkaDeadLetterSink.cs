using System.Globalization;
using System.Text;
using Bandit.Contracts;
using Confluent.Kafka;
using Microsoft.Extensions.Options;

namespace Bandit.Grains.Ingest;

/// <summary>
/// Writes refused records, unchanged, to the dead-letter topic with the reason and their origin in headers.
/// Written before the batch counts as delivered, so a refused record is never just dropped; a batch delivered
/// again may write a record there twice.
/// </summary>
public sealed class KafkaDeadLetterSink : IDeadLetterSink, IDisposable
{
    /// <summary>Header holding why the record was refused.</summary>
    public const string ReasonHeader = "bandit-dead-letter-reason";

    /// <summary>Header holding the source partition.</summary>
    public const string PartitionHeader = "bandit-source-partition";

    /// <summary>Header holding the source offset.</summary>
    public const string OffsetHeader = "bandit-source-offset";

    /// <summary>Header holding the original length of a value or key that was cut to fit.</summary>
    public const string TruncatedHeader = "bandit-dead-letter-truncated";

    /// <summary>Longest value kept whole; a longer one is cut, so a dead letter always fits a Kafka message.</summary>
    public const int MaxValueBytes = 256 * 1024;

    /// <summary>Longest key kept whole.</summary>
    public const int MaxKeyBytes = 4 * 1024;

    private readonly Lazy<IProducer<byte[]?, byte[]?>> _producer;
    private readonly string _topic;

    /// <summary>Creates the sink; the producer starts on first use.</summary>
    public KafkaDeadLetterSink(IOptions<ClickStreamOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);

        var stream = options.Value;
        _topic = stream.EffectiveDeadLetterTopic;
        var config = new ProducerConfig(stream.CopyClientSettings())
        {
            BootstrapServers = stream.BootstrapServers,
            Acks = Acks.All,
            EnableIdempotence = true,
            MessageTimeoutMs = (int)stream.ProduceTimeout.TotalMilliseconds,
        };
        _producer = new(() => new ProducerBuilder<byte[]?, byte[]?>(config).Build());
    }

    /// <inheritdoc/>
    public async Task PublishAsync(int partition, IReadOnlyList<RejectedRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);

        await Task.WhenAll(records.Select(record => _producer.Value.ProduceAsync(_topic, Letter(partition, record))));
    }

    // A record near the size limit plus our headers would not fit the dead-letter topic, and a dead letter that
    // can never be written would hold its partition up for good: keep the head of an oversized record only.
    private static Message<byte[]?, byte[]?> Letter(int partition, RejectedRecord record)
    {
        var headers = new Headers
        {
            { ReasonHeader, Encoding.UTF8.GetBytes(record.Reason) },
            { PartitionHeader, Encoding.UTF8.GetBytes(partition.ToString(CultureInfo.InvariantCulture)) },
            { OffsetHeader, Encoding.UTF8.GetBytes(record.Offset.ToString(CultureInfo.InvariantCulture)) },
        };
        var key = Cut(record.Key, MaxKeyBytes);
        var value = Cut(record.Value, MaxValueBytes);
        if (key != record.Key || value != record.Value)
        {
            var lengths = $"key={record.Key?.Length ?? 0} value={record.Value?.Length ?? 0}";
            headers.Add(TruncatedHeader, Encoding.UTF8.GetBytes(lengths));
        }

        return new Message<byte[]?, byte[]?> { Key = key, Value = value, Headers = headers };
    }

    private static byte[]? Cut(byte[]? bytes, int max) => bytes is { Length: var n } && n > max ? bytes[..max] : bytes;

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_producer.IsValueCreated)
        {
            _producer.Value.Flush(TimeSpan.FromSeconds(5));
            _producer.Value.Dispose();
        }
    }
}
