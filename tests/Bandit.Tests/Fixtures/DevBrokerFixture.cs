using Bandit.DevBroker;

namespace Bandit.Tests.Fixtures;

/// <summary>The librdkafka mock cluster, reached over TCP like any Kafka broker. Tests create their own topics.</summary>
public sealed class DevBrokerFixture : IDisposable
{
    private int _topics;

    public MockKafkaCluster Broker { get; } = MockKafkaCluster.Start(new MockKafkaClusterOptions());

    public string BootstrapServers => Broker.BootstrapServers;

    /// <summary>A topic no other test uses.</summary>
    public string CreateTopic(int partitions)
    {
        var name = $"clicks-{Interlocked.Increment(ref _topics)}-{Guid.NewGuid():N}"[..24];
        Broker.CreateTopic(name, partitions);
        Broker.CreateTopic(name + ".deadletter", 1);
        return name;
    }

    public void Dispose() => Broker.Dispose();
}
