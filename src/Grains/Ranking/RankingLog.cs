using Microsoft.Extensions.Logging;

namespace Bandit.Grains.Ranking;

internal static partial class RankingLog
{
    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning,
        Message = "Arm shard {Shard} did not answer a {Policy} ranking; served from the shards that did")]
    public static partial void ShardMissing(ILogger logger, int shard, RankingPolicy policy, Exception exception);
}
