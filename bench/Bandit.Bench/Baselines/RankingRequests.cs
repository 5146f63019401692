using Bandit.Contracts.Gateway.V1;
using Grpc.Core;

namespace Bandit.Bench.Baselines;

/// <summary>What the baselines accept of GetTopK, and how they shape an answer.</summary>
internal static class RankingRequests
{
    public const int MaxK = 1000;

    /// <summary>Baselines rank by posterior mean only; anything else is refused as Bandit would refuse it.</summary>
    public static void Check(GetTopKRequest request)
    {
        if (request.K is < 1 or > MaxK)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"k must be between 1 and {MaxK}"));
        }

        if (request.Policy is not (RankingPolicy.PosteriorMean or RankingPolicy.Unspecified))
        {
            throw new RpcException(new Status(
                StatusCode.Unimplemented, "this baseline ranks by RANKING_POLICY_POSTERIOR_MEAN only"));
        }
    }

    public static RankedPost Post(int rank, string postId, long impressions, long clicks, double score) => new()
    {
        Rank = rank,
        PostId = postId,
        Score = score,
        Alpha = PosteriorMean.Alpha(clicks),
        Beta = PosteriorMean.Beta(impressions, clicks),
        Impressions = impressions,
        Clicks = clicks,
        PosteriorMean = score,
    };
}
