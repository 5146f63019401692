using Bandit.ClickLogs;
using Bandit.Contracts.Gateway.V1;
using Bandit.Tests.Fixtures;
using StackExchange.Redis;

namespace Bandit.Tests.EndToEnd;

/// <summary>A stored state changed behind an arm's back is reloaded, and the arm keeps serving.</summary>
[Collection(ServersCollection.Name)]
public sealed class StaleEtagTests(RedisServer redis, DevBrokerFixture broker)
{
    [Fact]
    public async Task Write_EtagNoLongerMatches_ArmReloadsAndCountsExactly()
    {
        // Arrange: an arm with one click, whose stored etag then changes under it.
        var settings = broker.NewSiloSettings(2, redis.ConnectionString, "etag");
        var serviceId = settings.ServiceId;
        await using var silo = await TestSilo.StartAsync(settings);
        const string postId = "etag-post";
        await RecordAndWaitAsync(silo, new RecordEventRequest { PostId = postId });
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var server = connection.GetServer(connection.GetEndPoints()[0]);
        var key = server.Keys(pattern: $"{serviceId}/state/post-arm/{postId}*").Single();
        await connection.GetDatabase().HashSetAsync(key, "etag", "changed-elsewhere");

        // Act: the next write meets the changed etag (InconsistentStateException).
        await RecordAndWaitAsync(silo, new RecordEventRequest { PostId = postId });
        await RecordAndWaitAsync(silo, new RecordEventRequest { PostId = postId });

        // Assert
        var arm = await silo.Client.GetArmAsync(new GetArmRequest { PostId = postId });
        Assert.Equal(3, arm.Clicks);
        Assert.NotEqual("changed-elsewhere", (string?)await connection.GetDatabase().HashGetAsync(key, "etag"));
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
