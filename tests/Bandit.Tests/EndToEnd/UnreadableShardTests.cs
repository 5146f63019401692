using Bandit.ClickLogs;
using Bandit.Contracts.Gateway.V1;
using Bandit.Grains;
using Bandit.Tests.Fixtures;
using StackExchange.Redis;

namespace Bandit.Tests.EndToEnd;

/// <summary>
/// A shard whose stored state cannot be read stays out (its counts could not be exact), and rankings are
/// served from the other shards meanwhile.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class UnreadableShardTests(RedisServer redis, DevBrokerFixture broker)
{
    private const int ShardCount = 8;

    [Fact]
    public async Task GetTopK_OneShardUnreadable_ServesThePostsOfTheOthers()
    {
        // Arrange: one post in each of two shards, both ranked.
        var settings = broker.NewSiloSettings(2, redis.ConnectionString, "unreadable");
        await using var silo = await TestSilo.StartAsync(settings);
        var (broken, healthy) = (PostIn(0), PostIn(1));
        await RecordAndWaitAsync(silo, broken);
        await RecordAndWaitAsync(silo, healthy);
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var database = connection.GetDatabase();
        var key = $"{settings.ServiceId}/arms/0";

        // Act: shard 0's record turns to garbage and its version moves on, so its next write reloads it.
        await database.HashSetAsync(key, broken, new byte[] { 103, 97, 114 });
        await database.HashIncrementAsync(key, "~version", 1);
        await silo.Client.RecordClickAsync(new RecordEventRequest { PostId = broken });
        await Task.Delay(TimeSpan.FromSeconds(2));
        var top = await silo.Client.GetTopKAsync(new GetTopKRequest
        {
            K = 5,
            Policy = Bandit.Contracts.Gateway.V1.RankingPolicy.PosteriorMean,
        });

        // Assert: the healthy shard's post is served; the unreadable one is not.
        Assert.Equal([healthy], top.Posts.Select(p => p.PostId));
        Assert.Equal(1, (await silo.Client.GetArmAsync(new GetArmRequest { PostId = healthy })).Clicks);
    }

    private static string PostIn(int shard) =>
        Enumerable.Range(0, 10_000).Select(i => $"unreadable-{i}")
            .First(id => PostSharding.ShardOf(id, ShardCount) == shard);

    private static async Task RecordAndWaitAsync(TestSilo silo, string postId)
    {
        var reply = await silo.Client.RecordClickAsync(new RecordEventRequest { PostId = postId });
        await IngestWaiter.WaitAsync(
            silo.Client,
            new Dictionary<int, long> { [reply.Partition] = reply.Offset },
            TimeSpan.FromSeconds(60));
    }
}
