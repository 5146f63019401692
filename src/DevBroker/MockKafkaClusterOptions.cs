namespace Bandit.DevBroker;

/// <summary>Shapes the mock Kafka cluster started by <see cref="MockKafkaCluster.Start"/>.</summary>
public sealed class MockKafkaClusterOptions
{
    /// <summary>The default number of mock brokers.</summary>
    public const int DefaultBrokerCount = 1;

    /// <summary>The number of mock brokers, each listening on its own ephemeral port of 127.0.0.1.</summary>
    public int BrokerCount { get; set; } = DefaultBrokerCount;

    /// <summary>
    /// 0 (the default): clients bootstrap from the mock's own ephemeral addresses.
    /// Greater than 0: a TCP forwarder listens on 127.0.0.1:<c>Port</c> and forwards to the first
    /// mock broker, so the bootstrap address stays the same from one run to the next.
    /// </summary>
    public int Port { get; set; }

    /// <summary>Topics created before <see cref="MockKafkaCluster.Start"/> returns.</summary>
    public IList<MockTopic> Topics { get; } = new List<MockTopic>();
}
