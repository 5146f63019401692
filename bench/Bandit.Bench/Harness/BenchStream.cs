namespace Bandit.Bench.Harness;

/// <summary>The topic a system run reads.</summary>
internal sealed record BenchStream(string BootstrapServers, string Topic, int Partitions);
