using Bandit.Grains;

namespace Bandit.Ranking;

/// <summary>What one shard answers to a ranking query: the first half of every policy.</summary>
public static class ShardRanking
{
    /// <summary>The shard's contribution to <paramref name="query"/>.</summary>
    /// <param name="book">The shard's arms.</param>
    /// <param name="query">The query; randomized policies need its seed.</param>
    /// <param name="shard">The shard's index, which picks its random stream.</param>
    public static ShardAnswer Answer(ArmBook book, TopKQuery query, int shard)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(query);

        var random = query.IsRandomized
            ? RandomStreams.For(query.Seed ?? throw new ArgumentException("A randomized query needs a seed.",
                nameof(query)), shard)
            : null;
        return query.Policy switch
        {
            RankingPolicy.PosteriorMean => new ShardAnswer(book.TopByMean(query.K), [], book.Count),
            RankingPolicy.BayesUcb => new ShardAnswer(book.TopByUpperBound(query.K), [], book.Count),
            RankingPolicy.ThompsonSampling => new ShardAnswer(book.SampleTop(query.K, random!), [], book.Count),

            // The merge skips arms it already placed the other way: 2k of each always leaves enough.
            RankingPolicy.EpsilonGreedy => new ShardAnswer(
                book.TopByMean(2 * query.K), book.RandomArms(2 * query.K, random!), book.Count),
            RankingPolicy.UniformRandom => new ShardAnswer([], book.RandomArms(query.K, random!), book.Count),
            _ => throw new ArgumentOutOfRangeException(nameof(query), query.Policy, "Unknown ranking policy."),
        };
    }
}
