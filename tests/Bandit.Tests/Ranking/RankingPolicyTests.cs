using Bandit.Grains;
using Bandit.Ranking;

namespace Bandit.Tests.Ranking;

public sealed class RankingPolicyTests
{
    [Fact]
    public void BayesUcb_PrefersTheUncertainArm_WhereGreedyPrefersTheProvenOne()
    {
        // Arrange: "proven" 60/1000 (mean 0.061); "fresh" 1/10 (mean 0.167 but with a wide posterior);
        // "steady" 400/4000 (mean 0.100, narrow).
        var book = Book(Arm("proven", 60, 940), Arm("fresh", 1, 9), Arm("steady", 400, 3600));

        // Act
        var greedy = Rank(book, RankingPolicy.PosteriorMean, 3);
        var ucb = Rank(book, RankingPolicy.BayesUcb, 3);

        // Assert: the 0.999 quantile of Beta(2, 10) is about 0.58, far above the others'.
        Assert.Equal(["fresh", "steady", "proven"], greedy.Select(r => r.Arm.PostId));
        Assert.Equal("fresh", ucb[0].Arm.PostId);
        Assert.InRange(ucb[0].Score, 0.5, 0.65);
        Assert.All(ucb, r => Assert.Equal(1.0, r.Propensity));
    }

    [Fact]
    public void EpsilonGreedy_PropensitiesFollowFromEpsilonAndTheUnplacedCount()
    {
        // Arrange: ten arms with distinct means, a0 best.
        var book = Book([.. Enumerable.Range(0, 10).Select(i => Arm($"a{i}", 100 - 10 * i, 900))]);
        var query = new TopKQuery(3, RankingPolicy.EpsilonGreedy, Seed: 11);

        // Act
        var ranking = RankingMerge.Merge(query, [ShardRanking.Answer(book, query, 0)], epsilon: 0.2);

        // Assert: the greedy choice of a slot has (1 - e) + e / n, any other e / n (n arms not yet placed).
        Assert.Equal(3, ranking.Length);
        var placed = new HashSet<string>();
        for (var slot = 0; slot < ranking.Length; slot++)
        {
            var greedy = Enumerable.Range(0, 10).Select(i => $"a{i}").First(id => !placed.Contains(id));
            var unplaced = 10 - slot;
            var expected = ranking[slot].Arm.PostId == greedy ? 0.8 + 0.2 / unplaced : 0.2 / unplaced;
            Assert.Equal(expected, ranking[slot].Propensity!.Value, 12);
            placed.Add(ranking[slot].Arm.PostId);
        }
    }

    [Fact]
    public void UniformRandom_OverManyRankings_ShowsEveryArmEquallyOften()
    {
        // Arrange: 4 arms in two shards of unequal size, one much better than the rest.
        var first = Book(Arm("best", 900, 100), Arm("b", 1, 99));
        var second = Book(Arm("c", 1, 99), Arm("d", 1, 99));
        var counts = new Dictionary<string, int>();

        // Act: 8,000 first slots.
        for (ulong seed = 0; seed < 8000; seed++)
        {
            var query = new TopKQuery(1, RankingPolicy.UniformRandom, Seed: seed);
            var top = RankingMerge.Merge(
                query, [ShardRanking.Answer(first, query, 0), ShardRanking.Answer(second, query, 1)], epsilon: 0);
            counts[top[0].Arm.PostId] = counts.GetValueOrDefault(top[0].Arm.PostId) + 1;
            Assert.Equal(0.25, top[0].Propensity);
        }

        // Assert: each near 2,000 (binomial sd ~39; 6 sd of room).
        Assert.Equal(4, counts.Count);
        Assert.All(counts.Values, c => Assert.InRange(c, 1760, 2240));
    }

    [Fact]
    public void Thompson_PoolBySmallSize_StillDrawsTheNewestArms()
    {
        // Arrange: a pool of 2 by upper quantile, and 50 well-known arms that fill it; then one new arm.
        var book = new ArmBook(new ArmBookSettings(CandidatePoolSize: 2, NewArmSlots: 1));
        for (var i = 0; i < 50; i++)
        {
            book.Upsert(Arm($"known{i:00}", 500, 500));
        }

        book.Upsert(Arm("newcomer", 0, 0));

        // Act: with its uniform prior the newcomer wins about half the draws against Beta(501, 501)s.
        var wins = Enumerable.Range(0, 400)
            .Count(seed => Rank(book, RankingPolicy.ThompsonSampling, 1, (ulong)seed)[0].Arm.PostId == "newcomer");

        // Assert
        Assert.InRange(wins, 100, 300);
    }

    [Fact]
    public void Remove_TakesTheArmOutOfEveryPolicy()
    {
        var book = Book(Arm("gone", 90, 10), Arm("kept", 10, 90), Arm("other", 5, 95));

        Assert.True(book.Remove("gone"));

        foreach (var policy in Enum.GetValues<RankingPolicy>())
        {
            Assert.DoesNotContain("gone", Rank(book, policy, 3).Select(r => r.Arm.PostId));
        }

        Assert.Equal(2, book.Count);
    }

    private static RankedArm[] Rank(ArmBook book, RankingPolicy policy, int k, ulong seed = 1)
    {
        var query = new TopKQuery(k, policy, Seed: seed);
        return RankingMerge.Merge(query, [ShardRanking.Answer(book, query, 0)], epsilon: 0.1);
    }

    private static ArmBook Book(params ArmSnapshot[] arms)
    {
        var book = new ArmBook(new ArmBookSettings());
        foreach (var arm in arms)
        {
            book.Upsert(arm);
        }

        return book;
    }

    // Prior Beta(1, 1).
    private static ArmSnapshot Arm(string postId, long clicks, long nonClicks) =>
        new(postId, 1, 1, clicks + nonClicks, clicks, 0, 1, clicks + nonClicks, clicks);
}
