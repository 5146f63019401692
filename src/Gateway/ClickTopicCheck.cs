using Bandit.Contracts;
using Confluent.Kafka;
using Microsoft.Extensions.Options;

namespace Bandit.Gateway;

/// <summary>
/// Refuses to start a process whose click topic is missing or has another partition count than configured:
/// silos would read only the partitions they were told of, and a gateway would acknowledge events that no
/// silo reads. Asks for every topic's metadata, because naming the topic would make brokers that create
/// topics on demand create it.
/// </summary>
public sealed class ClickTopicCheck(IOptions<ClickStreamOptions> options, ILogger<ClickTopicCheck> logger)
    : IHostedService
{
    private static readonly TimeSpan MetadataTimeout = TimeSpan.FromSeconds(15);

    /// <inheritdoc/>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var stream = options.Value;
        var config = new AdminClientConfig(stream.CopyClientSettings())
        {
            BootstrapServers = stream.BootstrapServers,
        };
        using var admin = new AdminClientBuilder(config)
            .SetLogHandler((_, _) => { })
            .Build();
        Metadata metadata;
        try
        {
            metadata = admin.GetMetadata(MetadataTimeout);
        }
        catch (KafkaException ex)
        {
            throw new InvalidOperationException(
                $"Kafka at {stream.BootstrapServers} did not describe topic '{stream.Topic}': {ex.Error.Reason}", ex);
        }

        var topic = metadata.Topics.SingleOrDefault(t => t.Topic == stream.Topic);
        if (topic is null || topic.Error.IsError)
        {
            throw new InvalidOperationException(
                $"Kafka topic '{stream.Topic}' is missing at {stream.BootstrapServers} "
                + $"({topic?.Error.Reason ?? "not listed"}); "
                + $"create it with {stream.Partitions} partitions");
        }

        if (topic.Partitions.Count != stream.Partitions)
        {
            throw new InvalidOperationException(
                $"Kafka topic '{stream.Topic}' has {topic.Partitions.Count} partitions but Bandit:Kafka:Partitions is "
                + $"{stream.Partitions}; make them equal");
        }

        GatewayLog.TopicChecked(logger, stream.Topic, topic.Partitions.Count);
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
