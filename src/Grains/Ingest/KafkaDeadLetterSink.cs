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

    private readonly Lazy<IProducer<byte[]?, byte[]?>> _producer;
    private readonly string _topic;

    /// <summary>Creates the sink; the producer starts on first use.</summary>
    public KafkaDeadLetterSink(IOptions<ClickStreamOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);

        var stream = options.Value;
        _topic = stream.EffectiveDeadLetterTopic;
        _producer = new(() => new ProducerBuilder<byte[]?, byte[]?>(new ProducerConfig
        {
            BootstrapServers = stream.BootstrapServers,
            Acks = Acks.All,
            EnableIdempotence = true,
            MessageTimeoutMs = (int)stream.ProduceTimeout.TotalMilliseconds,
        }).Build());
    }

    /// <inheritdoc/>
    public async Task PublishAsync(int partition, IReadOnlyList<RejectedRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);

        await Task.WhenAll(records.Select(record => _producer.Value.ProduceAsync(_topic, new Message<byte[]?, byte[]?>
        {
            Key = record.Key,
            Value = record.Value,
            Headers = new Headers
            {
                { ReasonHeader, Encoding.UTF8.GetBytes(record.Reason) },
                { PartitionHeader, Encoding.UTF8.GetBytes(partition.ToString(CultureInfo.InvariantCulture)) },
                { OffsetHeader, Encoding.UTF8.GetBytes(record.Offset.ToString(CultureInfo.InvariantCulture)) },
            },
        })));
    }

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
