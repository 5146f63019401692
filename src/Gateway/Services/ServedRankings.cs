using Bandit.Contracts.Events.V1;
using Bandit.Contracts.Gateway.V1;
using Bandit.Grains;

namespace Bandit.Gateway.Services;

/// <summary>Builds the served-ranking log record of a GetTopK answer.</summary>
internal static class ServedRankings
{
    public static ServedRanking From(GetTopKReply reply, TopKQuery query, DateTimeOffset servedAt)
    {
        var record = new ServedRanking
        {
            RankingId = reply.RankingId,
            ServedTimeUnixMs = servedAt.ToUnixTimeMilliseconds(),
            Policy = reply.Policy.ToString(),
            K = query.K,
        };
        if (query.Seed is { } seed)
        {
            record.Seed = seed;
        }

        if (query.Policy == Grains.RankingPolicy.EpsilonGreedy && query.Epsilon is { } epsilon)
        {
            record.Epsilon = epsilon;
        }

        foreach (var post in reply.Posts)
        {
            var served = new ServedPost
            {
                PostId = post.PostId,
                Position = post.Rank,
                Score = post.Score,
                Alpha = post.Alpha,
                Beta = post.Beta,
            };
            if (post.HasPropensity)
            {
                served.Propensity = post.Propensity;
            }

            record.Posts.Add(served);
        }

        return record;
    }
}
