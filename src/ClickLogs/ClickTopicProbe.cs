using Confluent.Kafka;

namespace Bandit.ClickLogs;

/// <summary>Looks a topic up without creating it, so a mistyped name is reported instead of written to.</summary>
public static class ClickTopicProbe
{
    /// <summary>The topic's partition count, or <c>null</c> when the broker has no such topic.</summary>
    public static int? PartitionsOf(string bootstrapServers, string topic, TimeSpan timeout)
    {
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrapServers })
            .SetLogHandler((_, _) => { })
            .Build();
        // All topics' metadata: naming the topic would let an auto-creating broker create it.
        var found = admin.GetMetadata(timeout).Topics.SingleOrDefault(t => t.Topic == topic && !t.Error.IsError);
        return found?.Partitions.Count;
    }
}
