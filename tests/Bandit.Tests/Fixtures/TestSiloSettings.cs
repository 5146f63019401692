namespace Bandit.Tests.Fixtures;

/// <summary>What a <see cref="TestSilo"/> connects to. A new ServiceId keeps its stored state apart.</summary>
public sealed record TestSiloSettings(
    string BootstrapServers,
    string Topic,
    int Partitions,
    string RedisConnectionString,
    string ServiceId,
    string ServedRankingTopic = "");
