using System.Diagnostics;
using Bandit.ClickLogs;
using Bandit.Tests.Fixtures;
using Orleans.Runtime;
using Xunit.Abstractions;

namespace Bandit.Tests.Faults;

/// <summary>
/// A rolling update as Kubernetes runs it: each silo in turn gets SIGTERM, exits, and starts again, while
/// events keep coming. Every stop must be graceful (partitions handed back with a final offset commit, the
/// silo marking itself Dead in the membership table) and no event may be lost or counted twice.
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class RollingRestartTests(RedisServer redis, DevBrokerFixture broker, ITestOutputHelper output)
{
    private const int Partitions = 8;
    private static readonly TimeSpan IngestTimeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task RestartSilosOneByOne_DuringReplay_StopsGracefullyAndCountsEveryEventOnce()
    {
        // Arrange: two silos sharing Redis, the broker and a new topic.
        var settings = broker.NewSiloSettings(Partitions, redis.ConnectionString, "rolling");
        await using var siloA = new SiloProcess("silo-a", settings, output);
        await using var siloB = new SiloProcess("silo-b", settings, output);
        await Task.WhenAll(siloA.StartAsync(), siloB.StartAsync());
        var replay = new ObdReplay(broker.BootstrapServers, settings.Topic);

        // Act: silo A is stopped while log 0 is being applied, log 1 goes in while it is away, and it starts
        // again; then the same for silo B with logs 2 and 3.
        var restartA = await RestartDuringReplayAsync(
            settings, siloA, siloB, replay, applied: [], during: 0, away: 1);
        var restartB = await RestartDuringReplayAsync(
            settings, siloB, siloA, replay, applied: [0, 1], during: 2, away: 3);
        var clock = Stopwatch.StartNew();
        await IngestWaiter.WaitAsync(siloA.Client, replay.LastOffsets, IngestTimeout);
        output.WriteLine($"{restartA}; {restartB}; the rest applied {clock.Elapsed.TotalSeconds:0.0}s later");

        // Assert: each stop was graceful (every partition it read released, itself Dead), the stops had
        // partitions to hand over (the balancer may leave a silo none, but not both), and both gateways see
        // the exact counts.
        foreach (var restart in new[] { restartA, restartB })
        {
            Assert.Equal(
                (restart.Silo, 0, restart.PartitionsHeld, 0, SiloStatus.Dead),
                (restart.Silo, restart.ExitCode, restart.PartitionsReleased, restart.PartitionsLeftOpen,
                    restart.StatusAfterExit));
        }

        Assert.InRange(restartA.PartitionsReleased + restartB.PartitionsReleased, 1, 2 * Partitions);

        foreach (var silo in new[] { siloA, siloB })
        {
            Assert.Equal((silo.Name, 0, 0), (
                silo.Name,
                silo.Log.Count("final offset commit failed"),
                silo.Log.Count("Graceful shutdown aborted")));
        }

        Assert.Equal(ObdReplay.ExpectedEvents, replay.Published);
        await ObdReplay.AssertArmsMatchAsync(siloA.Client);
        await ObdReplay.AssertArmsMatchAsync(siloB.Client);
    }

    // SIGTERM to `restarting` as soon as log `during` is being applied on top of the `applied` logs; log
    // `away` is published while it is down; then it starts again. The other silo answers the progress probes.
    private async Task<Restart> RestartDuringReplayAsync(
        TestSiloSettings settings,
        SiloProcess restarting,
        SiloProcess other,
        ObdReplay replay,
        int[] applied,
        int during,
        int away)
    {
        var publishing = replay.PublishAsync(during);
        await ObdReplay.WaitAppliedAsync(other.Client, ObdReplay.EventsOf(applied) + 1, IngestTimeout);
        var held = restarting.PartitionsRead(settings.Topic);
        var releasedBefore = restarting.Log.Count($"released {settings.Topic} partition");
        var stopping = await restarting.StopAsync();
        var status = await MembershipTable.NewestStatusAsync(
            redis.ConnectionString, settings.ServiceId, settings.ServiceId, restarting.SiloPort);
        var restart = new Restart(
            restarting.Name,
            restarting.ExitCode,
            held,
            restarting.Log.Count($"released {settings.Topic} partition") - releasedBefore,
            restarting.PartitionsRead(settings.Topic),
            status,
            stopping);
        await publishing;
        await replay.PublishAsync(away);
        await restarting.StartAsync();
        return restart;
    }

    private sealed record Restart(
        string Silo,
        int? ExitCode,
        int PartitionsHeld,
        int PartitionsReleased,
        int PartitionsLeftOpen,
        SiloStatus? StatusAfterExit,
        TimeSpan Stopping)
    {
        public override string ToString() =>
            $"{Silo} released {PartitionsReleased} partitions and exited with {ExitCode} "
            + $"{Stopping.TotalSeconds:0.0}s after SIGTERM, {StatusAfterExit} in the membership table";
    }
}
