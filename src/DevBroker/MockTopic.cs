namespace Bandit.DevBroker;

/// <summary>A topic to create in a <see cref="MockKafkaCluster"/> when it starts.</summary>
/// <param name="Name">The topic name, as Kafka accepts it (letters, digits, '.', '_' and '-').</param>
/// <param name="Partitions">The number of partitions, at least 1.</param>
public sealed record MockTopic(string Name, int Partitions);
