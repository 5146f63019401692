namespace Bandit.Gateway;

internal static partial class GatewayLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Kafka producer error {Code}: {Reason}")]
    public static partial void ProducerError(ILogger logger, string code, string reason);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning,
        Message = "Publishing an event for {PostId} failed: {Reason}")]
    public static partial void PublishFailed(ILogger logger, string postId, string reason);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Information,
        Message = "Kafka topic {Topic} has the configured {Partitions} partitions")]
    public static partial void TopicChecked(ILogger logger, string topic, int partitions);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "Cluster call {Operation} failed")]
    public static partial void ClusterCallFailed(ILogger logger, string operation, Exception exception);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Warning,
        Message = "Served ranking not logged to {Topic} ({Failures} so far): {Reason}")]
    public static partial void ServedRankingNotLogged(ILogger logger, string topic, long failures, string reason);
}
