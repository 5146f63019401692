using System.Diagnostics;
using Bandit.ClickLogs;
using Bandit.Gateway;
using Bandit.Tests.Fixtures;
using Xunit.Abstractions;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Bandit.Tests.Faults;

/// <summary>
/// Redis, which holds every arm, goes away in the middle of a replay and comes back with its data on the
/// same port: the silo reports itself unhealthy (unready, yet alive) meanwhile, then resumes and counts
/// every event once.
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class RedisOutageTests(DevBrokerFixture broker, ITestOutputHelper output)
{
    private const int Partitions = 8;
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan HealthTimeout = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan IngestTimeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task RedisDownTenSeconds_MidReplay_UnhealthyThenResumesAndCountsEveryEventOnce()
    {
        // Arrange: a persistent Redis of this test's own, so that stopping it is an outage, not data loss.
        await using var redis = new RedisProcess(output);
        await redis.StartAsync();
        var settings = broker.NewSiloSettings(Partitions, redis.ConnectionString, "redis");
        var topic = settings.Topic;
        await using var silo = new SiloProcess("silo", settings, output);
        await silo.StartAsync();
        var replay = new ObdReplay(broker.BootstrapServers, topic);

        // Act: Redis stops as soon as the first half of the replay is being applied; the second half is
        // published during the outage.
        var firstHalf = replay.PublishAsync(0, 1);
        var appliedBeforeOutage = await ObdReplay.WaitAppliedAsync(silo.Client, 1, IngestTimeout);
        var outage = Stopwatch.StartNew();
        await redis.StopAsync();
        await firstHalf;
        var secondHalf = replay.PublishAsync(2, 3);
        var unhealthy = await Eventually.ReturnsAsync(
            silo.HealthAsync, s => s == ServingStatus.NotServing, HealthTimeout, "health NOT_SERVING");
        var notServingAfter = outage.Elapsed;
        var readyDuringOutage = await silo.HttpHealthAsync(HealthEndpoints.ReadyPath);
        var liveDuringOutage = await silo.HttpHealthAsync(HealthEndpoints.LivePath);
        await secondHalf;
        var appliedDuringOutage = await ObdReplay.AppliedAsync(silo.Client);

        // The outage lasts a set time: this is the fault being injected, not a wait for a condition.
        await Task.Delay(Outage - outage.Elapsed is { Ticks: > 0 } left ? left : TimeSpan.Zero);
        var down = outage.Elapsed;
        var recovery = Stopwatch.StartNew();
        await redis.StartAsync();
        var healthy = await Eventually.ReturnsAsync(
            silo.HealthAsync, s => s == ServingStatus.Serving, HealthTimeout, "health SERVING again");
        var servingAfter = recovery.Elapsed;
        await IngestWaiter.WaitAsync(silo.Client, replay.LastOffsets, IngestTimeout);
        output.WriteLine($"Redis stopped at {appliedBeforeOutage} of {ObdReplay.EventsOf(0, 1)} events of "
            + $"the first half applied; NOT_SERVING {notServingAfter.TotalSeconds:0.0}s later; "
            + $"{appliedDuringOutage} applied with the second half published; Redis down "
            + $"{down.TotalSeconds:0.0}s; after its restart SERVING in {servingAfter.TotalSeconds:0.0}s, "
            + $"all applied in {recovery.Elapsed.TotalSeconds:0.0}s");

        // Assert: unhealthy during the outage, healthy after, and nothing published during it applied
        // before Redis was back.
        Assert.Equal(ServingStatus.NotServing, unhealthy);
        Assert.Equal(ServingStatus.Serving, healthy);
        Assert.Equal(503, readyDuringOutage.Status);
        Assert.Contains("redis: Unhealthy", readyDuringOutage.Body, StringComparison.Ordinal);
        // An outage of a dependency makes a silo unready, never a candidate for a restart.
        Assert.Equal((200, "Healthy"), (liveDuringOutage.Status, liveDuringOutage.Body.Split('\n')[0]));
        Assert.InRange(appliedDuringOutage, -1, ObdReplay.EventsOf(0, 1));
        Assert.Equal(ObdReplay.ExpectedEvents, replay.Published);
        await ObdReplay.AssertArmsMatchAsync(silo.Client);
    }
}
