using Bandit.ClickLogs;
using Bandit.Contracts.Gateway.V1;
using Bandit.Tests.Fixtures;

namespace Bandit.Tests.EndToEnd;

/// <summary>
/// The main job on the real click log: broker, Redis, silo and gateway running; a log replayed through
/// Kafka; then every arm and the top-K compared with counts computed here from the CSV.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class ObdReplayTests(RedisServer redis, DevBrokerFixture broker)
{
    public static TheoryData<string> LogFiles => new(ObdLog.Files);

    [Theory]
    [MemberData(nameof(LogFiles))]
    public async Task Replay_ObdLog_ArmsAndTopKMatchTheLog(string file)
    {
        // Arrange
        var settings = broker.NewSiloSettings(4, redis.ConnectionString, "obd");
        var topic = settings.Topic;
        await using var silo = await TestSilo.StartAsync(settings);
        var expected = ObdLog.Count(file);

        // Act
        var summary = new ClickLogPublisher(broker.BootstrapServers, topic)
            .Publish(ClickLogReader.Read(ObdLog.PathOf(file)), runId: "test");
        await IngestWaiter.WaitAsync(silo.Client, summary.LastOffsets, TimeSpan.FromSeconds(60));

        // Assert: every arm holds exactly the log's counts.
        Assert.Equal(10_000, summary.Progress.Rows);
        Assert.Equal(0, summary.Progress.Failed);
        foreach (var (item, counts) in expected)
        {
            var arm = await silo.Client.GetArmAsync(new GetArmRequest { PostId = item });
            Assert.Equal((counts.Impressions, counts.Clicks), (arm.Impressions, arm.Clicks));
            Assert.Equal(1.0 + counts.Clicks, arm.Alpha);
            Assert.Equal(1.0 + counts.Impressions - counts.Clicks, arm.Beta);
        }

        // Assert: the top 10 by posterior mean is the ranking computed from those counts, ties by post id.
        var expectedTop = expected
            .Select(e => (PostId: e.Key, Mean: (1.0 + e.Value.Clicks) / (2.0 + e.Value.Impressions)))
            .OrderByDescending(e => e.Mean)
            .ThenBy(e => e.PostId, StringComparer.Ordinal)
            .Take(10)
            .Select(e => e.PostId)
            .ToList();
        var top = await silo.Client.GetTopKAsync(new GetTopKRequest { K = 10, Policy = RankingPolicy.PosteriorMean });
        Assert.Equal(expectedTop, top.Posts.Select(p => p.PostId).ToList());
        Assert.Equal(Enumerable.Range(1, 10), top.Posts.Select(p => p.Rank));
    }
}
