using System.Diagnostics;
using Bandit.ClickLogs;
using Bandit.Tests.Fixtures;
using Xunit.Abstractions;

namespace Bandit.Tests.Faults;

/// <summary>
/// Silos joining and leaving during a replay: partitions move between silos (Orleans' queue balancer), and
/// every event still counts exactly once.
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class ClusterScalingTests(RedisServer redis, DevBrokerFixture broker, ITestOutputHelper output)
{
    private const int Partitions = 8;
    private static readonly TimeSpan IngestTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan JoinTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task OneToThreeToTwoSilos_DuringReplay_EveryEventCountedOnce()
    {
        // Arrange: up to three silos sharing ServiceId, ClusterId, Redis and topic, each on its own ports.
        var settings = broker.NewSiloSettings(Partitions, redis.ConnectionString, "scale");
        var topic = settings.Topic;
        await using var first = new SiloProcess("silo-1", settings, output);
        await using var second = new SiloProcess("silo-2", settings, output);
        await using var third = new SiloProcess("silo-3", settings, output);
        await first.StartAsync();
        var replay = new ObdReplay(broker.BootstrapServers, topic);

        // Act: log 0 goes in on one silo. Two silos join; log 1 is published the moment partitions start
        // moving to them. With three silos up, log 2 is published, and one of them is stopped (SIGTERM) as
        // soon as log 2 is being applied. Log 3 is published after it left.
        await replay.PublishAsync(0);
        await ObdReplay.WaitAppliedAsync(first.Client, ObdReplay.EventsOf(0), IngestTimeout);
        var clock = Stopwatch.StartNew();
        var joining = Task.WhenAll(second.StartAsync(), third.StartAsync());
        await Eventually.ReturnsAsync(
            () => Task.FromResult(second.PartitionsRead(topic) + third.PartitionsRead(topic)),
            n => n > 0,
            JoinTimeout,
            "a new silo reading a partition");
        var moving = clock.Elapsed;
        await replay.PublishAsync(1);
        await joining;
        var joined = clock.Elapsed;

        var logTwo = replay.PublishAsync(2);
        var beforeStop = await ObdReplay.WaitAppliedAsync(
            first.Client, ObdReplay.EventsOf(0, 1) + 1, IngestTimeout);
        // The balancer hashes partitions onto silos, so a new silo may own none: stop one that reads some.
        var (leaving, staying) = second.PartitionsRead(topic) >= third.PartitionsRead(topic)
            ? (second, third)
            : (third, second);
        var heldByLeaving = leaving.PartitionsRead(topic);
        var shutdown = await leaving.StopAsync();
        await logTwo;
        await replay.PublishAsync(3);

        clock.Restart();
        await IngestWaiter.WaitAsync(first.Client, replay.LastOffsets, IngestTimeout);
        output.WriteLine($"partitions started moving {moving.TotalSeconds:0.0}s after silos 2 and 3 were "
            + $"started, both SERVING after {joined.TotalSeconds:0.0}s; {leaving.Name} (reading "
            + $"{heldByLeaving} partitions) stopped at {beforeStop - ObdReplay.EventsOf(0, 1)} of "
            + $"{ObdReplay.EventsOf(2)} events of log 2 applied, in {shutdown.TotalSeconds:0.0}s; log 3 "
            + $"applied {clock.Elapsed.TotalSeconds:0.0}s after its publish");

        // Assert: the leaving silo had partitions to hand over; both remaining gateways see the exact counts.
        Assert.InRange(heldByLeaving, 1, Partitions);
        Assert.Equal(ObdReplay.ExpectedEvents, replay.Published);
        await ObdReplay.AssertArmsMatchAsync(first.Client);
        await ObdReplay.AssertArmsMatchAsync(staying.Client);
    }
}
