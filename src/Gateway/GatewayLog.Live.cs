namespace Bandit.Gateway;

// The live view, reports and administration; ids 3100-3199.
internal static partial class GatewayLog
{
    [LoggerMessage(EventId = 3101, Level = LogLevel.Warning,
        Message = "Reading the top {K} by {Policy} for a watch failed; retrying at the next tick")]
    public static partial void WatchReadFailed(ILogger logger, int k, string policy, Exception exception);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning,
        Message = "Reading the greedy ranking for the exploration share failed")]
    public static partial void GreedyReadFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Information, Message = "Post {PostId} retired")]
    public static partial void PostRetired(ILogger logger, string postId);

    [LoggerMessage(EventId = 3104, Level = LogLevel.Information,
        Message = "Snapshot {CutId} exported: {Arms} arms over {Partitions} partitions")]
    public static partial void SnapshotExported(ILogger logger, string cutId, int arms, int partitions);

    [LoggerMessage(EventId = 3105, Level = LogLevel.Information,
        Message = "Imported {Imported} arms; {Refused} refused")]
    public static partial void ArmsImported(ILogger logger, int imported, int refused);
}
