using Bandit.Contracts.Gateway.V1;
using Grpc.Core;

namespace Bandit.Bench.Baselines.Redis;

/// <summary>The part of Bandit's API the bench calls, answered from Redis.</summary>
internal sealed class RedisFeedRanking(RedisArms arms, AppliedOffsets applied) : FeedRanking.FeedRankingBase
{
    public override async Task<GetTopKReply> GetTopK(GetTopKRequest request, ServerCallContext context)
    {
        RankingRequests.Check(request);

        var reply = new GetTopKReply { Policy = RankingPolicy.PosteriorMean };
        foreach (var (i, arm) in (await arms.TopAsync(request.K)).Index())
        {
            reply.Posts.Add(RankingRequests.Post(i + 1, arm.PostId, arm.Impressions, arm.Clicks, arm.Score));
        }

        return reply;
    }

    public override Task<IngestProgress> GetIngestProgress(
        GetIngestProgressRequest request,
        ServerCallContext context) => Task.FromResult(applied.ToReply());
}
