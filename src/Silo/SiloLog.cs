namespace Bandit.Silo;

internal static partial class SiloLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning,
        Message = "No Kafka configured (Bandit:Kafka:BootstrapServers): using the embedded in-memory broker at "
            + "{BootstrapServers}. It is NOT durable: every event is lost when this process ends")]
    public static partial void EmbeddedBroker(ILogger logger, string bootstrapServers);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning,
        Message = "No Redis configured (Bandit:Redis:ConnectionString): grain state lives in memory and is NOT "
            + "durable; localhost clustering, one silo")]
    public static partial void InMemoryStorage(ILogger logger);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Information,
        Message = "Grain state in Redis at {RedisEndpoints}; Redis clustering, cluster {ClusterId}")]
    public static partial void RedisStorage(ILogger logger, string redisEndpoints, string clusterId);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Information,
        Message = "Click stream: Kafka {BootstrapServers} topic {Topic} with {Partitions} partitions")]
    public static partial void ClickStream(ILogger logger, string bootstrapServers, string topic, int partitions);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Information,
        Message = "Kubernetes hosting: silo {PodName} in namespace {PodNamespace}, advertising the pod's IP")]
    public static partial void KubernetesHosting(ILogger logger, string podName, string podNamespace);
}
