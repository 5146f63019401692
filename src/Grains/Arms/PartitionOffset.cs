namespace Bandit.Grains.Arms;

/// <summary>The highest offset an arm applied from one Kafka partition.</summary>
internal readonly record struct PartitionOffset(int Partition, long Offset);
