using Bandit.Grains;
using Bandit.Grains.Arms;
using Bandit.Grains.Arms.Storage;
using Bandit.Tests.Fixtures;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Bandit.Tests.Ranking;

[Collection(GrainClusterCollection.Name)]
public sealed class ArmShardGrainTests(GrainClusterFixture fixture)
{
    // Shard keys past the configured shards: nothing else writes to them, so each test starts empty.
    private static int _nextShard = 100_000;

    [Fact]
    public async Task GetTop_PosteriorMean_OrdersByMeanThenPostIdForTies()
    {
        // Arrange: b and c tie at 3/9; a is best at 5/10; d is worst at 1/10.
        var shard = NewShard();
        await RestoreAsync(shard, Arm("d", 0, 8), Arm("c", 2, 5), Arm("a", 4, 4), Arm("b", 2, 5));

        // Act
        var top = (await shard.GetTopAsync(new TopKQuery(3, RankingPolicy.PosteriorMean))).Best;

        // Assert
        Assert.Equal(["a", "b", "c"], top.Select(r => r.Arm.PostId));
        Assert.Equal([0.5, 1.0 / 3, 1.0 / 3], top.Select(r => r.Score));
    }

    [Fact]
    public async Task Activation_StoredArms_AreRankedAndReadable()
    {
        // Arrange: records already in the store before the shard first activates, as after a restart.
        var key = Interlocked.Increment(ref _nextShard);
        var arms = new MemoryArmStore(Options.Create(new ClusterOptions
        {
            ServiceId = fixture.Cluster.Options.ServiceId,
            ClusterId = fixture.Cluster.Options.ClusterId,
        }));
        await arms.WriteAsync(
            key, 0, [Stored("x", clicks: 5, impressions: 10), Stored("y", clicks: 1, impressions: 6)]);

        // Act
        var shard = fixture.Grains.GetGrain<IArmShardGrain>(key);
        var top = (await shard.GetTopAsync(new TopKQuery(2, RankingPolicy.PosteriorMean))).Best;
        var x = await shard.GetArmAsync("x");

        // Assert: Beta(1, 1) prior, so (1 + 5) / (2 + 10) and (1 + 1) / (2 + 6).
        Assert.Equal(["x", "y"], top.Select(r => r.Arm.PostId));
        Assert.Equal([0.5, 0.25], top.Select(r => r.Score));
        Assert.Equal((10L, 5L), (x!.Impressions, x.Clicks));
    }

    [Fact]
    public async Task Apply_ScoreChanges_MoveTheArm()
    {
        var shard = NewShard();
        await RestoreAsync(shard, Arm("p", 1, 9), Arm("q", 2, 9));

        await shard.ApplyAsync(new ShardEventBatch(0, [new PostEvents("p", [.. Enumerable.Range(0, 30)
            .Select(i => new ArmEvent(i, ArmEventKind.Click, 1_000 + i))])]));
        var top = (await shard.GetTopAsync(new TopKQuery(2, RankingPolicy.PosteriorMean))).Best;

        Assert.Equal(["p", "q"], top.Select(r => r.Arm.PostId));
        Assert.Equal(31, top[0].Arm.Clicks);
    }

    [Fact]
    public async Task GetTop_ThompsonWithSeed_IsReproducibleAndFollowsTheEvidence()
    {
        // Arrange: one arm with a strong record, one with a poor one, many unknown.
        var shard = NewShard();
        var arms = Enumerable.Range(0, 50).Select(i => Arm($"n{i:00}", 0, 0)).ToList();
        arms.Add(Arm("strong", 900, 100));
        arms.Add(Arm("weak", 1, 99_999));
        await RestoreAsync(shard, [.. arms]);

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
            await fixture.Grains.GetGrain<IArmShardGrain>(s).RestoreAsync(Arm(ids[s], 1000 * (s + 1), 10));
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

    private IArmShardGrain NewShard() =>
        fixture.Grains.GetGrain<IArmShardGrain>(Interlocked.Increment(ref _nextShard));

    private static async Task RestoreAsync(IArmShardGrain shard, params ArmSnapshot[] arms)
    {
        foreach (var arm in arms)
        {
            Assert.NotNull(await shard.RestoreAsync(arm));
        }
    }

    // Prior Beta(1, 1): posterior mean (1 + clicks) / (2 + impressions).
    private static ArmSnapshot Arm(string postId, long clicks, long nonClicks) =>
        new(postId, 1, 1, clicks + nonClicks, clicks, 0, 1, clicks + nonClicks, clicks);

    private static KeyValuePair<string, byte[]> Stored(string postId, long clicks, long impressions) =>
        new(postId, ArmStateCodec.Encode(new ArmState(postId)
        {
            Known = true,
            PriorAlpha = 1,
            PriorBeta = 1,
            Impressions = impressions,
            Clicks = clicks,
            EvidenceImpressions = impressions,
            EvidenceClicks = clicks,
            Version = 1,
        }));
}
