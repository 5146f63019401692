using Bandit.ClickLogs;
using Bandit.Contracts.Gateway.V1;
using Bandit.Tests.Fixtures;
using Grpc.Core;
using StackExchange.Redis;

namespace Bandit.Tests.EndToEnd;

/// <summary>An event whose arm could not be stored is retried until it is, never taken as applied.</summary>
[Collection(ServersCollection.Name)]
public sealed class StorageFailureTests(RedisServer redis, DevBrokerFixture broker)
{
    [Fact]
    public async Task RedisRefusingWrites_ThenRecovering_EventIsStoredAndSurvivesRestart()
    {
        // Arrange
        var settings = broker.NewSiloSettings(2, redis.ConnectionString, "storage");
        await using var admin = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString + ",allowAdmin=true");
        var server = admin.GetServer(admin.GetEndPoints()[0]);
        const string postId = "oom-post";

        RecordEventReply reply;
        await using (var first = await TestSilo.StartAsync(settings))
        {
            var known = await first.Client.RecordClickAsync(new RecordEventRequest { PostId = postId });
            await IngestWaiter.WaitAsync(
                first.Client,
                new Dictionary<int, long> { [known.Partition] = known.Offset },
                TimeSpan.FromSeconds(60));

            // Act: Redis refuses every write (out of memory) while a second click is ingested, long enough for
            // the delivery to be retried at least once, then recovers.
            var rejectedBefore = await OomErrorsAsync(server);
            await server.ConfigSetAsync("maxmemory", "1");
            try
            {
                reply = await first.Client.RecordClickAsync(new RecordEventRequest { PostId = postId });
                await Eventually.ReturnsAsync(
                    () => OomErrorsAsync(server),
                    count => count >= rejectedBefore + 2,
                    TimeSpan.FromSeconds(60),
                    "Redis refusing a write and its retry");
            }
            finally
            {
                await server.ConfigSetAsync("maxmemory", "0");
            }

            await IngestWaiter.WaitAsync(
                first.Client,
                new Dictionary<int, long> { [reply.Partition] = reply.Offset },
                TimeSpan.FromSeconds(60));
        }

        // Assert: what the first silo reported as applied is in Redis, as a second silo finds.
        await using var second = await TestSilo.StartAsync(settings);
        var arm = await second.Client.GetArmAsync(new GetArmRequest { PostId = postId });
        Assert.Equal((0L, 2L), (arm.Impressions, arm.Clicks));
    }

    private static async Task<long> OomErrorsAsync(IServer server)
    {
        var info = await server.InfoAsync("errorstats");
        var line = info.SelectMany(g => g).FirstOrDefault(kv => kv.Key == "errorstat_OOM").Value;
        return line is null ? 0 : long.Parse(line.Split('=')[1], System.Globalization.CultureInfo.InvariantCulture);
    }
}
