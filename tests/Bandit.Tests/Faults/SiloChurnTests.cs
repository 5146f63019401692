using Bandit.ClickLogs;
using Bandit.Contracts.Gateway.V1;
using Bandit.Tests.Fixtures;
using Xunit.Abstractions;

namespace Bandit.Tests.Faults;

/// <summary>
/// Silos stopped (gracefully or not) and started again while a long stream is being applied: partitions move
/// back and forth mid-delivery, which is where a batch Orleans gives up on could slip past the commit.
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class SiloChurnTests(RedisServer redis, DevBrokerFixture broker, ITestOutputHelper output)
{
    private const int Partitions = 8;
    private const int Posts = 40;
    // The dev broker keeps about 5 MiB per partition: 200,000 rows stay below that, so nothing is lost to
    // retention and every shortfall would be the service's.
    private const int Rows = 200_000;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task RestartEachSilo_WhileAStreamIsApplied_CountsEveryEventOnce(bool kill)
    {
        // Arrange: two silos and a stream of 200,000 impressions (every 20th clicked) over 40 posts.
        var settings = broker.NewSiloSettings(Partitions, redis.ConnectionString, kill ? "churn-kill" : "churn");
        await using var siloA = new SiloProcess("silo-a", settings, output);
        await using var siloB = new SiloProcess("silo-b", settings, output);
        await Task.WhenAll(siloA.StartAsync(), siloB.StartAsync());
        var start = DateTimeOffset.UtcNow.AddHours(-1);
        var rows = Enumerable.Range(0, Rows)
            .Select(i => new ClickLogRow(i + 1, start.AddMilliseconds(i), $"churn-{i % Posts}", Clicked(i), 1))
            .ToList();

        // Act: publish everything, and while it is applied stop and restart A, then B.
        var published = Task.Run(() => new ClickLogPublisher(broker.BootstrapServers, settings.Topic)
            .Publish(rows, "churn"));
        foreach (var (silo, other) in new[] { (siloA, siloB), (siloB, siloA) })
        {
            await ObdReplay.WaitAppliedAsync(other.Client, 1, TimeSpan.FromSeconds(60));
            await (kill ? silo.KillAsync() : silo.StopAsync());
            await Task.Delay(500);
            await silo.StartAsync();
        }

        var summary = await published;
        await IngestWaiter.WaitAsync(siloA.Client, summary.LastOffsets, TimeSpan.FromSeconds(120));
        var gone = siloA.Log.Count("no longer on the broker") + siloB.Log.Count("no longer on the broker");

        // Assert: the broker kept every record, and every post holds exactly its impressions and clicks.
        Assert.Equal((0, (long)(Rows + Rows / 20)), (gone, summary.Progress.Acknowledged));
        for (var post = 0; post < Posts; post++)
        {
            var arm = await siloB.Client.GetArmAsync(new GetArmRequest { PostId = $"churn-{post}" });
            var expectedClicks = Enumerable.Range(0, Rows).Count(i => i % Posts == post && Clicked(i));
            Assert.Equal(
                ($"churn-{post}", (long)(Rows / Posts), (long)expectedClicks),
                (arm.PostId, arm.Impressions, arm.Clicks));
        }
    }

    private static bool Clicked(int row) => row / Posts % 20 == 0;
}
