using Bandit.Grains;
using Bandit.Tests.Fixtures;

namespace Bandit.Tests.Ranking;

[Collection(GrainClusterCollection.Name)]
public sealed class RankerShardGrainTests(GrainClusterFixture fixture)
{
    // Shard keys past the directory's buckets own no bucket: nothing else writes to them and they rebuild empty.
    private static int _nextShard = 100_000;

    [Fact]
    public async Task GetTop_PosteriorMean_OrdersByMeanThenPostIdForTies()
    {
        // Arrange: b and c tie at 3/9; a is best at 5/10; d is worst at 1/10.
        var shard = NewShard();
        await shard.UpdateAsync([Arm("d", 0, 8), Arm("c", 2, 5), Arm("a", 4, 4), Arm("b", 2, 5)]);

        // Act
        var top = (await shard.GetTopAsync(new TopKQuery(3, RankingPolicy.PosteriorMean))).Best;

        // Assert
        Assert.Equal(["a", "b", "c"], top.Select(r => r.Arm.PostId));
        Assert.Equal([0.5, 1.0 / 3, 1.0 / 3], top.Select(r => r.Score));
    }

    [Fact]
    public async Task Update_OlderVersion_IsIgnored()
    {
        // Arrange
        var shard = NewShard();
        await shard.UpdateAsync([Arm("x", 5, 5, version: 3), Arm("y", 1, 5, version: 1)]);

        // Act: a stale copy of x, with worse numbers, arrives late.
        await shard.UpdateAsync([Arm("x", 0, 50, version: 2)]);
        var top = (await shard.GetTopAsync(new TopKQuery(2, RankingPolicy.PosteriorMean))).Best;

        // Assert
        Assert.Equal(["x", "y"], top.Select(r => r.Arm.PostId));
        Assert.Equal(3, top[0].Arm.Version);
    }

    [Fact]
    public async Task Update_ScoreChanges_MoveTheArm()
    {
        var shard = NewShard();
        await shard.UpdateAsync([Arm("p", 1, 9, version: 1), Arm("q", 2, 9, version: 1)]);

        await shard.UpdateAsync([Arm("p", 30, 9, version: 2)]);
        var top = (await shard.GetTopAsync(new TopKQuery(2, RankingPolicy.PosteriorMean))).Best;

        Assert.Equal(["p", "q"], top.Select(r => r.Arm.PostId));
    }

    [Fact]
    public async Task GetTop_ThompsonWithSeed_IsReproducibleAndFollowsTheEvidence()
    {
        // Arrange: one arm with a strong record, one with a poor one, many unknown.
        var shard = NewShard();
        var arms = Enumerable.Range(0, 50).Select(i => Arm($"n{i:00}", 0, 0)).ToList();
        arms.Add(Arm("strong", 900, 100));
        arms.Add(Arm("weak", 1, 99_999));
        await shard.UpdateAsync([.. arms]);

        // Act
        var first = (await shard.GetTopAsync(new TopKQuery(5, RankingPolicy.ThompsonSampling, Seed: 42))).Best;
        var again = (await shard.GetTopAsync(new TopKQuery(5, RankingPolicy.ThompsonSampling, Seed: 42))).Best;
        var other = (await shard.GetTopAsync(new TopKQuery(52, RankingPolicy.ThompsonSampling, Seed: 7))).Best;

        // Assert
        Assert.Equal(first.Select(r => (r.Arm.PostId, r.Score)), again.Select(r => (r.Arm.PostId, r.Score)));
        Assert.Equal("weak", other[^1].Arm.PostId);
        Assert.All(other, r => Assert.InRange(r.Score, 0.0, 1.0));
        Assert.Equal(other.Select(r => r.Score).OrderDescending(), other.Select(r => r.Score));
    }

    [Fact]
    public async Task RankingGrain_MergesShards_AndRejectsBadK()
    {
        // Arrange: one arm in each configured shard, with distinct means above any other test's arms.
        var ids = new List<string>();
        for (var i = 0; ids.Count < GrainClusterFixture.ShardCount; i++)
        {
            var id = $"merge-{i}";
            if (PostSharding.ShardOf(id, GrainClusterFixture.ShardCount) == ids.Count)
            {
                ids.Add(id);
            }
        }

        for (var s = 0; s < ids.Count; s++)
        {
            await fixture.Grains.GetGrain<IRankerShardGrain>(s).UpdateAsync([Arm(ids[s], 1000 * (s + 1), 10)]);
        }

        var ranking = fixture.Grains.GetGrain<IRankingGrain>(0);

        // Act
        var top = await ranking.GetTopKAsync(new TopKQuery(3, RankingPolicy.PosteriorMean));

        // Assert
        Assert.Equal(ids.AsEnumerable().Reverse().Take(3), top.Select(r => r.Arm.PostId));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => ranking.GetTopKAsync(new TopKQuery(0, RankingPolicy.PosteriorMean)));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => ranking.GetTopKAsync(new TopKQuery(TopKQuery.MaxK + 1, RankingPolicy.PosteriorMean)));
    }

    private IRankerShardGrain NewShard() =>
        fixture.Grains.GetGrain<IRankerShardGrain>(Interlocked.Increment(ref _nextShard));

    // Prior Beta(1, 1): posterior mean (1 + clicks) / (2 + impressions).
    private static ArmSnapshot Arm(string postId, long clicks, long nonClicks, long version = 1) =>
        new(postId, 1, 1, clicks + nonClicks, clicks, 0, version, clicks + nonClicks, clicks);
}
