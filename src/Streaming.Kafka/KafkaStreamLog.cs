using Microsoft.Extensions.Logging;

namespace Bandit.Streaming.Kafka;

internal static partial class KafkaStreamLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information,
        Message = "Stream provider {Provider} reads {Topic} partition {Partition}")]
    public static partial void PartitionAssigned(ILogger logger, string provider, string topic, int partition);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information,
        Message = "Stream provider {Provider} released {Topic} partition {Partition} at delivered offset {Offset}")]
    public static partial void PartitionReleased(
        ILogger logger,
        string provider,
        string topic,
        int partition,
        long offset);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning,
        Message = "Stream provider {Provider} partition {Partition}: consumer error {Reason}")]
    public static partial void ConsumerError(ILogger logger, string provider, int partition, string reason);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Debug,
        Message = "Stream provider {Provider} partition {Partition}: consumer error again: {Reason}")]
    public static partial void ConsumerErrorRepeated(ILogger logger, string provider, int partition, string reason);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning,
        Message = "Stream provider {Provider} partition {Partition}: consume failed: {Reason}")]
    public static partial void ConsumeFailed(ILogger logger, string provider, int partition, string reason);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Warning,
        Message = "Stream provider {Provider} partition {Partition}: final offset commit failed: {Reason}")]
    public static partial void FinalCommitFailed(ILogger logger, string provider, int partition, string reason);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Debug,
        Message = "Stream provider {Provider} librdkafka {Facility}: {Text}")]
    public static partial void Librdkafka(ILogger logger, string provider, string facility, string text);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Warning,
        Message = "Stream {Provider} partition {Partition}: the commit gate did not answer; no offset stored")]
    public static partial void CommitGateFailed(ILogger logger, string provider, int partition, Exception exception);

    [LoggerMessage(EventId = 1009, Level = LogLevel.Error,
        Message = "Stream {Provider} partition {Partition}: records {FirstOffset} to {LastOffset} were no longer on "
            + "the broker when read (retention); they are not counted")]
    public static partial void RecordsGone(
        ILogger logger,
        string provider,
        int partition,
        long firstOffset,
        long lastOffset);
}
