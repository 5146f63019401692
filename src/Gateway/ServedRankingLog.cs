using Bandit.Contracts;
using Bandit.Contracts.Events.V1;
using Confluent.Kafka;
using Google.Protobuf;
using Microsoft.Extensions.Options;

namespace Bandit.Gateway;

/// <summary>
/// Writes each served ranking to the configured Kafka topic, keyed by ranking id, for off-policy evaluation.
/// Fire and forget: a GetTopK answer never waits for the log, so a slow broker cannot slow the feed; a record
/// that fails is counted and logged, not retried by the caller.
/// </summary>
public sealed class ServedRankingLog : IDisposable
{
    private readonly Lazy<IProducer<string, byte[]>>? _producer;
    private readonly string _topic;
    private readonly ILogger<ServedRankingLog> _logger;
    private long _failures;

    /// <summary>Creates the log; without a topic configured it writes nothing.</summary>
    public ServedRankingLog(
        IOptions<GatewayOptions> options,
        IOptions<ClickStreamOptions> streamOptions,
        ILogger<ServedRankingLog> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(streamOptions);

        _logger = logger;
        _topic = options.Value.ServedRankingTopic;
        if (string.IsNullOrWhiteSpace(_topic))
        {
            return;
        }

        var stream = streamOptions.Value;
        // The operator's client settings (credentials, TLS) first; the log's own delivery settings win.
        var config = new ProducerConfig(stream.CopyClientSettings())
        {
            BootstrapServers = stream.BootstrapServers,
            Acks = Acks.All,
            EnableIdempotence = true,
            LingerMs = 5,
            MessageTimeoutMs = (int)stream.ProduceTimeout.TotalMilliseconds,
        };
        _producer = new Lazy<IProducer<string, byte[]>>(() => new ProducerBuilder<string, byte[]>(config).Build());
    }

    /// <summary>True when a topic is configured.</summary>
    public bool Enabled => _producer is not null;

    /// <summary>Records that failed to reach the broker since start.</summary>
    public long Failures => Interlocked.Read(ref _failures);

    /// <summary>Queues one served ranking for the topic.</summary>
    public void Write(ServedRanking ranking)
    {
        ArgumentNullException.ThrowIfNull(ranking);
        if (_producer is null)
        {
            return;
        }

        var message = new Message<string, byte[]> { Key = ranking.RankingId, Value = ranking.ToByteArray() };
        try
        {
            _producer.Value.Produce(_topic, message, report =>
            {
                if (report.Error.IsError)
                {
                    OnFailure(report.Error.Reason);
                }
            });
        }
        catch (KafkaException ex)
        {
            // The local queue is full or the producer is closing: the feed still gets its answer.
            OnFailure(ex.Error.Reason);
        }
    }

    private void OnFailure(string reason)
    {
        // One line per thousand failures at most: a broker outage must not flood the log.
        if (Interlocked.Increment(ref _failures) % 1000 == 1)
        {
            GatewayLog.ServedRankingNotLogged(_logger, _topic, Failures, reason);
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_producer is { IsValueCreated: true })
        {
            _producer.Value.Flush(TimeSpan.FromSeconds(5));
            _producer.Value.Dispose();
        }
    }
}
