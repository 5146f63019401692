namespace Bandit.Tests.Fixtures;

/// <summary>What a <see cref="TestSilo"/> connects to. A new ServiceId keeps its stored state apart.</summary>
public sealed record TestSiloSettings(
    string BootstrapServers,
    string Topic,
    int Partitions,
    string RedisConnectionString,
    string ServiceId,
    string ServedRankingTopic = "")
{
    /// <summary>Configuration that wins over the defaults above (auth, limits, TLS).</summary>
    public IReadOnlyDictionary<string, string?> Overrides { get; init; } = new Dictionary<string, string?>();

    /// <summary>"https" serves gRPC over TLS: then Overrides must name the endpoint's certificate.</summary>
    public string GrpcScheme { get; init; } = "http";

    /// <summary>Receives every log entry of the silo, beside the console, when set.</summary>
    public Microsoft.Extensions.Logging.ILoggerProvider? LogSink { get; init; }
}
