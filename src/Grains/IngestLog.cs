using Microsoft.Extensions.Logging;

namespace Bandit.Grains;

internal static partial class IngestLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning,
        Message = "Rejected click-stream record at partition {Partition} offset {Offset}: {Reason}")]
    public static partial void RecordRejected(ILogger logger, int partition, long offset, string reason);
}
