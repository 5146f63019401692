using Microsoft.Extensions.Logging;

namespace Bandit.Grains;

internal static partial class IngestLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning,
        Message = "Rejected click-stream record at partition {Partition} offset {Offset}: {Reason}")]
    public static partial void RecordRejected(ILogger logger, int partition, long offset, string reason);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning,
        Message = "Writing {State} state of {Key} failed; rolled back, the batch will be delivered again")]
    public static partial void StateWriteFailed(ILogger logger, string state, string key, Exception exception);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Warning,
        Message = "Writing {Count} arms of shard {Shard} ({What}) failed; nothing applied, it will be retried")]
    public static partial void ShardWriteFailed(ILogger logger, int shard, string what, int count, Exception exception);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Warning,
        Message = "Applying the batch of partition {Partition} up to offset {LastOffset} failed; it will be retried")]
    public static partial void BatchFailed(ILogger logger, int partition, long lastOffset, Exception exception);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information,
        Message = "Wrote {Count} refused records of partition {Partition} to the dead-letter topic")]
    public static partial void DeadLettered(ILogger logger, int count, int partition);
}
