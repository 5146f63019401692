using Bandit.Contracts;
using Bandit.Contracts.Events.V1;
using Confluent.Kafka;
using Google.Protobuf;
using Microsoft.Extensions.Options;

namespace Bandit.Gateway;

/// <summary>
/// Writes click-stream events to Kafka and completes only once the broker acknowledged them
/// (acks=all, idempotent producer, so a retry inside the client cannot duplicate a record).
/// </summary>
public sealed class ClickEventPublisher : IDisposable
{
    private readonly Lazy<IProducer<string, byte[]>> _producer;
    private readonly string _topic;
    private int _lastError;

    /// <summary>Creates the publisher; the Kafka producer itself starts on first use.</summary>
    public ClickEventPublisher(IOptions<ClickStreamOptions> options, ILogger<ClickEventPublisher> logger)
    {
        ArgumentNullException.ThrowIfNull(options);

        var stream = options.Value;
        _topic = stream.Topic;
        var config = new ProducerConfig(stream.CopyClientSettings())
        {
            BootstrapServers = stream.BootstrapServers,
            Acks = Acks.All,
            EnableIdempotence = true,
            LingerMs = 1,
            MessageTimeoutMs = (int)stream.ProduceTimeout.TotalMilliseconds,
        };
        _producer = new Lazy<IProducer<string, byte[]>>(() => new ProducerBuilder<string, byte[]>(config)
            .SetErrorHandler((_, error) => OnProducerError(error, logger))
            .Build());
    }

    // librdkafka repeats an error on every reconnect attempt: log a change of error, not each repetition.
    private void OnProducerError(Error error, ILogger logger)
    {
        if (Interlocked.Exchange(ref _lastError, (int)error.Code) != (int)error.Code)
        {
            GatewayLog.ProducerError(logger, error.Code.ToString(), error.Reason);
        }
    }

    /// <summary>
    /// Publishes one event keyed by its post id; throws <see cref="ProduceException{K,V}"/> on failure.
    /// </summary>
    public async Task<TopicPartitionOffset> PublishAsync(
        ClickStreamEvent clickEvent,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clickEvent);

        var message = new Message<string, byte[]> { Key = clickEvent.PostId, Value = clickEvent.ToByteArray() };
        var result = await _producer.Value.ProduceAsync(_topic, message, cancellationToken);
        return result.TopicPartitionOffset;
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
