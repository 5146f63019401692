using Bandit.DevBroker;

namespace Bandit.Tests.Fixtures;

/// <summary>
/// The librdkafka mock cluster, reached over TCP like any Kafka broker. Tests create their own topics.
/// </summary>
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

    /// <summary>
    /// Settings for a silo of its own: a new topic, and a service id no other test uses, so its stored state
    /// and offsets are apart from everything else on the shared Redis.
    /// </summary>
    public TestSiloSettings NewSiloSettings(int partitions, string redisConnectionString, string name) => new(
        BootstrapServers,
        CreateTopic(partitions),
        partitions,
        redisConnectionString,
        $"{name}-{Guid.NewGuid():N}"[..(name.Length + 9)]);

    public void Dispose() => Broker.Dispose();
}
