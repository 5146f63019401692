using Bandit.Contracts;
using Confluent.Kafka;

namespace Bandit.Silo;

/// <summary>
/// Refuses to start a silo whose configured partition count differs from the topic's: Orleans would read only
/// the partitions it was told of, and events written to the others would be acknowledged yet never counted.
/// </summary>
internal sealed class ClickTopicCheck(ClickStreamOptions stream, ILogger<ClickTopicCheck> logger) : IHostedService
{
    private static readonly TimeSpan MetadataTimeout = TimeSpan.FromSeconds(15);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = stream.BootstrapServers })
            .SetLogHandler((_, _) => { })
            .Build();
        Metadata metadata;
        try
        {
            metadata = admin.GetMetadata(stream.Topic, MetadataTimeout);
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
                $"Kafka topic '{stream.Topic}' is missing at {stream.BootstrapServers} ({topic?.Error.Reason ?? "not listed"}); "
                + $"create it with {stream.Partitions} partitions");
        }

        if (topic.Partitions.Count != stream.Partitions)
        {
            throw new InvalidOperationException(
                $"Kafka topic '{stream.Topic}' has {topic.Partitions.Count} partitions but Bandit:Kafka:Partitions is "
                + $"{stream.Partitions}; make them equal");
        }

        SiloLog.TopicChecked(logger, stream.Topic, topic.Partitions.Count);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
