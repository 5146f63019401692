using System.Diagnostics;
using Bandit.ClickLogs;
using Bandit.Tests.Fixtures;
using Xunit.Abstractions;

namespace Bandit.Tests.Faults;

/// <summary>
/// A silo process that goes away in the middle of a replay, killed or stopped: every event counts exactly
/// once. The fault strikes as soon as the first half of the replay is being applied (the whole replay takes
/// about a second); the second half is published while the silo is down.
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class SiloCrashTests(RedisServer redis, DevBrokerFixture broker, ITestOutputHelper output)
{
    private const int Partitions = 8;
    private static readonly TimeSpan IngestTimeout = TimeSpan.FromSeconds(90);

    [Theory]
    [InlineData("SIGKILL")]
    [InlineData("SIGTERM")]
    public async Task StopMidReplay_RestartedSiloCountsEveryEventOnce(string signal)
    {
        // Arrange
        var settings = Settings(signal.ToLowerInvariant());
        await using var silo = new SiloProcess("silo", settings, output);
        await silo.StartAsync();
        var replay = new ObdReplay(broker.BootstrapServers, settings.Topic);

        // Act: SIGKILL gives the silo no clean-up at all (no deactivation, no offset commit); SIGTERM lets it
        // shut down gracefully.
        var firstHalf = replay.PublishAsync(0, 1);
        var appliedBeforeStop = await ObdReplay.WaitAppliedAsync(silo.Client, 1, IngestTimeout);
        var shutdown = Stopwatch.StartNew();
        if (signal == "SIGKILL")
        {
            await silo.KillAsync();
        }
        else
        {
            await silo.StopAsync();
        }

        shutdown.Stop();
        await firstHalf;
        await replay.PublishAsync(2, 3);

        var recovery = Stopwatch.StartNew();
        await silo.StartAsync();
        var serving = recovery.Elapsed;
        await IngestWaiter.WaitAsync(silo.Client, replay.LastOffsets, IngestTimeout);
        output.WriteLine($"{signal} at {appliedBeforeStop} of {ObdReplay.EventsOf(0, 1)} events of the first "
            + $"half applied, stopped in {shutdown.Elapsed.TotalSeconds:0.0}s; after the restart SERVING in "
            + $"{serving.TotalSeconds:0.0}s, all applied in {recovery.Elapsed.TotalSeconds:0.0}s");

        // Assert
        Assert.Equal(ObdReplay.ExpectedEvents, replay.Published);
        await ObdReplay.AssertArmsMatchAsync(silo.Client);
    }

    [Fact]
    public async Task Sigkill_OneOfTwoSilos_SurvivorTakesOverAndCountsEveryEventOnce()
    {
        // Arrange
        var settings = Settings("takeover");
        await using var first = new SiloProcess("silo-1", settings, output);
        await using var second = new SiloProcess("silo-2", settings, output);
        await Task.WhenAll(first.StartAsync(), second.StartAsync());
        var replay = new ObdReplay(broker.BootstrapServers, settings.Topic);

        // Act: the silo reading more partitions dies and stays dead; its partitions wait until the other one
        // declares it dead (one-second probes) and takes them over.
        var firstHalf = replay.PublishAsync(0, 1);
        var appliedBeforeKill = await ObdReplay.WaitAppliedAsync(first.Client, 1, IngestTimeout);
        var (dying, surviving) = first.PartitionsRead(settings.Topic) >= second.PartitionsRead(settings.Topic)
            ? (first, second)
            : (second, first);
        var heldByDying = dying.PartitionsRead(settings.Topic);
        var takeover = Stopwatch.StartNew();
        await dying.KillAsync();
        await firstHalf;
        await replay.PublishAsync(2, 3);
        await Eventually.ReturnsAsync(
            () => Task.FromResult(surviving.PartitionsRead(settings.Topic)),
            n => n == Partitions,
            IngestTimeout,
            $"{surviving.Name} reading every partition");
        var tookOver = takeover.Elapsed;
        await IngestWaiter.WaitAsync(surviving.Client, replay.LastOffsets, IngestTimeout);
        output.WriteLine($"{dying.Name} (reading {heldByDying} partitions) killed at {appliedBeforeKill} of "
            + $"{ObdReplay.EventsOf(0, 1)} events of the first half applied; {surviving.Name} read every "
            + $"partition {tookOver.TotalSeconds:0.0}s and had applied everything "
            + $"{takeover.Elapsed.TotalSeconds:0.0}s after the kill");

        // Assert
        Assert.InRange(heldByDying, 1, Partitions);
        Assert.Equal(ObdReplay.ExpectedEvents, replay.Published);
        await ObdReplay.AssertArmsMatchAsync(surviving.Client);
    }

    private TestSiloSettings Settings(string name) =>
        broker.NewSiloSettings(Partitions, redis.ConnectionString, name);
}
