using Bandit.ClickLogs;
using Bandit.Contracts.Gateway.V1;
using Bandit.Tests.Fixtures;

namespace Bandit.Tests.EndToEnd;

/// <summary>With Redis configured, what the arms counted survives the silo.</summary>
[Collection(ServersCollection.Name)]
public sealed class SiloRestartTests(RedisServer redis, DevBrokerFixture broker)
{
    private const string File = "random/men/men.csv";

    private static readonly GetTopKRequest TopTen = new() { K = 10, Policy = RankingPolicy.PosteriorMean };

    [Fact]
    public async Task Restart_WithRedis_ArmsRankingAndProgressSurvive()
    {
        // Arrange: a first silo applies the whole log, then stops.
        var settings = broker.NewSiloSettings(4, redis.ConnectionString, "restart");
        var topic = settings.Topic;
        var expected = ObdLog.Count(File);
        var publisher = new ClickLogPublisher(broker.BootstrapServers, topic);
        GetTopKReply topBefore;
        await using (var first = await TestSilo.StartAsync(settings))
        {
            var summary = publisher.Publish(ClickLogReader.Read(ObdLog.PathOf(File)), runId: "first");
            await IngestWaiter.WaitAsync(first.Client, summary.LastOffsets, TimeSpan.FromSeconds(60));
            topBefore = await first.Client.GetTopKAsync(TopTen);
        }

        // Act: a new silo on the same Redis and topic. It rebuilds the ranking from stored arms, and records it
        // reads again (their offsets may not have been committed) must not count twice.
        await using var second = await TestSilo.StartAsync(settings);
        var topAfter = await second.Client.GetTopKAsync(TopTen);
        var item = expected.Keys.Order(StringComparer.Ordinal).First();
        var extra = publisher.Publish(
            [new ClickLogRow(1, DateTimeOffset.UtcNow, item, Clicked: true, Position: 1)],
            runId: "second");
        await IngestWaiter.WaitAsync(second.Client, extra.LastOffsets, TimeSpan.FromSeconds(60));

        // Assert
        Assert.Equal(
            topBefore.Posts.Select(p => (p.PostId, p.Impressions, p.Clicks)),
            topAfter.Posts.Select(p => (p.PostId, p.Impressions, p.Clicks)));
        foreach (var (postId, counts) in expected)
        {
            var arm = await second.Client.GetArmAsync(new GetArmRequest { PostId = postId });
            var added = postId == item ? 1 : 0;
            Assert.Equal((counts.Impressions + added, counts.Clicks + added), (arm.Impressions, arm.Clicks));
        }
    }
}
