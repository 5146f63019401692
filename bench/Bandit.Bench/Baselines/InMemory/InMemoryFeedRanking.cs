using Bandit.Contracts.Gateway.V1;
using Grpc.Core;

namespace Bandit.Bench.Baselines.InMemory;

/// <summary>The part of Bandit's API the bench calls, answered from the in-memory arms.</summary>
internal sealed class InMemoryFeedRanking(InMemoryArms arms, AppliedOffsets applied) : FeedRanking.FeedRankingBase
{
    public override Task<GetTopKReply> GetTopK(GetTopKRequest request, ServerCallContext context)
    {
        RankingRequests.Check(request);

        var reply = new GetTopKReply { Policy = RankingPolicy.PosteriorMean };
        foreach (var (i, arm) in arms.Top(request.K).Index())
        {
            reply.Posts.Add(RankingRequests.Post(i + 1, arm.PostId, arm.Impressions, arm.Clicks, arm.Score));
        }

        return Task.FromResult(reply);
    }

    public override Task<IngestProgress> GetIngestProgress(
        GetIngestProgressRequest request,
        ServerCallContext context) => Task.FromResult(applied.ToReply());
}
