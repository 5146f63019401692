using Bandit.ClickLogs;
using Bandit.Contracts.Gateway.V1;
using Bandit.Tests.Fixtures;
using StackExchange.Redis;

namespace Bandit.Tests.EndToEnd;

/// <summary>A shard whose stored version changed behind its back reloads, and its arms keep counting.</summary>
[Collection(ServersCollection.Name)]
public sealed class StaleEtagTests(RedisServer redis, DevBrokerFixture broker)
{
    [Fact]
    public async Task Write_VersionNoLongerMatches_ShardReloadsAndCountsExactly()
    {
        // Arrange: an arm with one click, whose shard's stored version then changes under it.
        var settings = broker.NewSiloSettings(2, redis.ConnectionString, "etag");
        var serviceId = settings.ServiceId;
        await using var silo = await TestSilo.StartAsync(settings);
        const string postId = "etag-post";
        await RecordAndWaitAsync(silo, new RecordEventRequest { PostId = postId });
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var server = connection.GetServer(connection.GetEndPoints()[0]);
        var key = server.Keys(pattern: $"{serviceId}/arms/*")
            .Single(k => connection.GetDatabase().HashExists(k, postId));
        await connection.GetDatabase().HashIncrementAsync(key, "~version", 1000);
        var changed = (long)await connection.GetDatabase().HashGetAsync(key, "~version");

        // Act: the next write meets the changed version (a conflict: reload, then apply).
        await RecordAndWaitAsync(silo, new RecordEventRequest { PostId = postId });
        await RecordAndWaitAsync(silo, new RecordEventRequest { PostId = postId });

        // Assert
        var arm = await silo.Client.GetArmAsync(new GetArmRequest { PostId = postId });
        Assert.Equal(3, arm.Clicks);
        Assert.True((long)await connection.GetDatabase().HashGetAsync(key, "~version") > changed);
    }

    private static async Task RecordAndWaitAsync(TestSilo silo, RecordEventRequest request)
    {
        var reply = await silo.Client.RecordClickAsync(request);
        await IngestWaiter.WaitAsync(
            silo.Client,
            new Dictionary<int, long> { [reply.Partition] = reply.Offset },
            TimeSpan.FromSeconds(60));
    }
}
