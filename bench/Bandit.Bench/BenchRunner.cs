using System.Diagnostics;
using System.Globalization;
using Bandit.Bench.Harness;
using Bandit.Bench.Load;
using Bandit.Bench.Measures;
using Bandit.Bench.Report;
using Bandit.Contracts.Gateway.V1;
using Grpc.Core;

namespace Bandit.Bench;

/// <summary>
/// The whole suite against every system: preload a topic per size, time each system catching up each topic
/// (with fresh state every time), then live sessions at the largest size for the sustained rate, GetTopK
/// latency and freshness. Starts and stops every process itself, by PID.
/// </summary>
internal sealed class BenchRunner(BenchSettings settings, TextWriter output)
{
    // About half of what one producer thread sends on a small machine; the ladder climbs from there if it holds.
    private const double LadderStartCap = 100_000;
    private const double LiveRateFloor = 1_000;

    // A smaller prefix compresses a little worse per record: aim a little under what the broker kept.
    private const double FitMargin = 0.97;

    private readonly Stopwatch _clock = new();
    private readonly string _stamp = DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
    private BenchPaths _paths = null!;
    private DevBrokerProcess _broker = null!;
    private RedisServerProcess _redis = null!;
    private string _logDirectory = "";

    public string LogDirectory => _logDirectory;

    public async Task<BenchReport> RunAsync()
    {
        _clock.Start();
        _paths = BenchPaths.Locate(settings.Configuration);
        _paths.Check();
        _logDirectory = Path.GetFullPath(
            Path.Combine(_paths.RepositoryRoot, settings.ResultsDirectory, $"logs-{_stamp}"));
        var work = Directory.CreateTempSubdirectory("bandit-bench-");
        var report = new BenchReport();
        foreach (var line in MachineInfo.Describe())
        {
            output.WriteLine(line);
        }

        output.WriteLine($"settings: {SettingsLine()}");
        output.WriteLine($"logs:    {_logDirectory}");
        try
        {
            _broker = await DevBrokerProcess.StartAsync(_paths, Topics(), settings.Partitions, _logDirectory);
            _redis = await RedisServerProcess.StartAsync(work.FullName);
            Say($"dev broker pid {_broker.Pid} at {_broker.BootstrapServers}; redis-server pid {_redis.Pid} at "
                + _redis.Endpoint);

            Preload(report);
            await CatchUpPhaseAsync(report);
            await LivePhaseAsync(report);
        }
        finally
        {
            if (_redis is not null)
            {
                await _redis.DisposeAsync();
            }

            if (_broker is not null)
            {
                await _broker.DisposeAsync();
            }

            work.Delete(recursive: true);
        }

        report.Elapsed = _clock.Elapsed;
        return report;
    }

    private IEnumerable<string> Topics() =>
        settings.Sizes.Select(CatchUpTopic)
            .Concat(settings.Sizes.Select(SpareTopic))
            .Concat(settings.Systems.SelectMany(s => Enumerable.Range(1, settings.Repeats)
                .Select(r => LiveTopic(s, r, "ladder"))
                .Append(LiveTopic(s, 1, "read"))));

    private static string CatchUpTopic(int arms) => $"clicks-n{arms}";

    private static string SpareTopic(int arms) => $"clicks-n{arms}-fit";

    private static string LiveTopic(SystemKind system, int repeat, string phase) =>
        $"live-{system.ToString().ToLowerInvariant()}-{repeat}-{phase}";

    // A topic the broker could not keep whole is loaded again, smaller, into a spare topic: the largest prefix of
    // the same stream that fits, judged from how much of its fullest partition the broker kept.
    private void Preload(BenchReport report)
    {
        foreach (var arms in settings.Sizes)
        {
            var result = PreloadInto(CatchUpTopic(arms), arms, settings.PreloadEvents);
            if (!result.Complete)
            {
                var kept = result.Watermarks.Partitions
                    .Where(p => p.Low > 0)
                    .Min(p => (double)(p.High - p.Low) / p.High);
                var fitting = (long)(result.Events * kept * FitMargin);
                report.Warnings.Add($"!!! THE BROKER DID NOT HOLD {result.Events:N0} EVENTS AT {arms:N0} ARMS: it "
                    + $"dropped {result.Watermarks.Dropped:N0} from the head of its fullest partition; retrying "
                    + $"with {fitting:N0}");
                Say(report.Warnings[^1]);
                result = PreloadInto(SpareTopic(arms), arms, fitting);
            }

            if (!result.Complete)
            {
                report.Warnings.Add($"!!! topic {result.Topic} holds {result.Watermarks.Held:N0} of "
                    + $"{result.Events:N0} events: catch-up at {arms:N0} arms runs over what it holds");
                Say(report.Warnings[^1]);
            }
            else if (result.Events < settings.PreloadEvents)
            {
                report.Warnings.Add($"!!! catch-up at {arms:N0} arms uses {result.Events:N0} events, not "
                    + $"{settings.PreloadEvents:N0}: the most the dev broker keeps");
            }

            report.Preloads.Add(result);
        }
    }

    private PreloadResult PreloadInto(string topic, int arms, long events)
    {
        Say($"preloading {events:N0} events over {arms:N0} arms into {topic}");
        var result = Preloader.Run(_broker.BootstrapServers, topic, settings.Partitions, arms, events, settings.Seed);
        var lows = result.Watermarks.Partitions.Select(p => p.Low).ToArray();
        Say($"  {result.Elapsed.TotalSeconds:0.0}s ({result.EventsPerSecond:N0}/s), {result.Clicks:N0} clicks, "
            + $"{result.DistinctArms:N0} distinct arms; held {result.Watermarks.Held:N0}, largest partition "
            + $"{result.LargestPartition:N0}; low watermarks all 0: {lows.All(l => l == 0)}");
        return result;
    }

    private async Task CatchUpPhaseAsync(BenchReport report)
    {
        for (var repeat = 1; repeat <= settings.Repeats; repeat++)
        {
            foreach (var preload in report.Preloads)
            {
                foreach (var system in settings.Systems)
                {
                    await GuardAsync(report, $"catch-up {system} {preload.Arms:N0} arms #{repeat}", async () =>
                        report.CatchUps.Add(await CatchUpRunAsync(system, preload, repeat)));
                }
            }
        }
    }

    private async Task<CatchUpRun> CatchUpRunAsync(SystemKind kind, PreloadResult preload, int repeat)
    {
        var runId = RunId(kind, $"n{preload.Arms}-r{repeat}");
        var stream = new BenchStream(_broker.BootstrapServers, preload.Topic, settings.Partitions);
        await using var system = await SystemUnderTest.StartAsync(kind, _paths, stream, _redis, runId, _logDirectory);
        var result = await CatchUpMeasure.RunAsync(system, preload.Watermarks, settings.CatchUpLimit);
        // Let the last batch's garbage go before reading the figures.
        await Task.Delay(TimeSpan.FromSeconds(1));
        var memory = new MemorySample(
            system.ResidentBytes(),
            await system.GcHeapBytesAsync(),
            await _redis.UsedMemoryAsync(),
            preload.DistinctArmsWithin(result.Applied));
        Say($"catch-up {kind,-8} {preload.Arms,9:N0} arms #{repeat}: {result.Applied:N0}/{result.Held:N0} in "
            + $"{result.Seconds:0.0}s, {result.Rate:N0}/s (5-95%: {result.SteadyRate:N0}/s), first after "
            + $"{result.FirstAppliedSeconds:0.0}s{(result.Complete ? "" : " INCOMPLETE (time limit)")}"
            + $"; RSS {memory.ResidentBytes / 1048576:N0} MiB, ~{memory.ArmsHeld:N0} arms");
        return new CatchUpRun(kind, preload.Arms, repeat, result, memory);
    }

    // One session per system and repeat runs the ladder and, once the live rate is known, the read measures.
    // With the rate left to the bench, it comes from the first repeat's ladders, so that repeat alone needs
    // extra sessions for its reads.
    private async Task LivePhaseAsync(BenchReport report)
    {
        var arms = new ArmPopulation(settings.LargestSize, settings.Seed);
        report.LiveRate = settings.LiveRate;
        for (var repeat = 1; repeat <= settings.Repeats; repeat++)
        {
            foreach (var system in settings.Systems)
            {
                await LiveSessionAsync(report, arms, system, repeat, "ladder", async (sut, producer, lag) =>
                {
                    await LadderAsync(report, system, repeat, producer, lag);
                    if (report.LiveRate > 0)
                    {
                        await ReadMeasuresAsync(report, system, repeat, sut, producer, report.LiveRate);
                    }
                });
            }

            if (report.LiveRate == 0)
            {
                report.LiveRate = LiveRateFromLadders(report);
                Say($"live rate for GetTopK latency and freshness: {report.LiveRate:N0} events/s");
                foreach (var system in settings.Systems)
                {
                    await LiveSessionAsync(report, arms, system, repeat, "read", (sut, producer, _) =>
                        ReadMeasuresAsync(report, system, repeat, sut, producer, report.LiveRate));
                }
            }
        }
    }

    // Half the sustained rate of the slowest system, so that every system reads while keeping up; a floor keeps
    // some ingest going when a system held no rate at all.
    private double LiveRateFromLadders(BenchReport report)
    {
        var slowest = settings.Systems
            .Select(s => report.Sustained.Where(x => x.System == s).Select(x => x.Best).DefaultIfEmpty(0).Max())
            .DefaultIfEmpty(0)
            .Min();
        return Math.Clamp(Math.Round(slowest / 2), LiveRateFloor, settings.LiveRateCap);
    }

    private Task LiveSessionAsync(
        BenchReport report,
        ArmPopulation arms,
        SystemKind kind,
        int repeat,
        string phase,
        Func<SystemUnderTest, LiveProducer, LagTracker, Task> measure) =>
        GuardAsync(report, $"live {phase} {kind} #{repeat}", () =>
            LiveSessionUnguardedAsync(report, arms, kind, repeat, phase, measure));

    private async Task LiveSessionUnguardedAsync(
        BenchReport report,
        ArmPopulation arms,
        SystemKind kind,
        int repeat,
        string phase,
        Func<SystemUnderTest, LiveProducer, LagTracker, Task> measure)
    {
        var topic = LiveTopic(kind, repeat, phase);
        WarmSet.Produce(_broker.BootstrapServers, topic, arms, $"w{repeat}-");
        var marks = TopicWatermarks.Read(_broker.BootstrapServers, topic, settings.Partitions);
        var stream = new BenchStream(_broker.BootstrapServers, topic, settings.Partitions);
        var runId = RunId(kind, $"{phase}-r{repeat}");
        await using var system = await SystemUnderTest.StartAsync(kind, _paths, stream, _redis, runId, _logDirectory);
        var warm = await CatchUpMeasure.RunAsync(system, marks, settings.WarmUpLimit);
        Say($"live {phase} {kind} #{repeat}: warm-up of {arms.Count:N0} arms applied {warm.Applied:N0} in "
            + $"{warm.Seconds:0.0}s");
        if (!warm.Complete)
        {
            var warning = $"{kind} #{repeat} {phase}: warm-up incomplete after {settings.WarmUpLimit.TotalSeconds:0}s; "
                + "its live measures are missing";
            report.Warnings.Add(warning);
            Say(warning);
            return;
        }

        using var producer = new LiveProducer(
            _broker.BootstrapServers, topic, settings.Partitions, arms, settings.Seed + 1000 * repeat);
        var lag = new LagTracker(producer, system, settings.Partitions);
        await measure(system, producer, lag);
    }

    private async Task LadderAsync(
        BenchReport report,
        SystemKind kind,
        int repeat,
        LiveProducer producer,
        LagTracker lag)
    {
        var earlier = report.Sustained.Where(s => s.System == kind && s.Best > 0).Select(s => s.Best).ToList();
        var catchUp = Spread.Of(report.CatchUps
            .Where(c => c.System == kind && c.Arms == settings.LargestSize)
            .Select(c => c.Result.Rate)).Median;
        var start = earlier.Count > 0 ? earlier.Max()
            : double.IsNaN(catchUp) || catchUp <= 0 ? 5_000
            : Math.Min(LadderStartCap, Math.Round(settings.LadderStartShare * catchUp / 100) * 100);
        var (best, producerLimited, trials) = await SustainedSearch.RunAsync(
            producer, lag, Math.Max(start, 100), settings.TrialLength, settings.MaxTrials, trial =>
                Say($"  sustained {kind} #{repeat}: {trial.TargetRate:N0}/s (produced {trial.AchievedRate:N0}/s), "
                    + $"lag median {trial.MedianLagSeconds:0.00}s, worst {trial.WorstLagSeconds:0.00}s "
                    + $"at {trial.WorstLagAtSeconds:0}s: {(trial.Held ? "held" : "not held")}"
                    + (trial.Drained ? "" : ", did not drain")));
        report.Sustained.Add((kind, repeat, best, producerLimited, trials));
        Say($"sustained {kind} #{repeat}: {best:N0} events/s"
            + (producerLimited ? " (at least: the producer could not send faster)" : ""));
    }

    private async Task ReadMeasuresAsync(
        BenchReport report,
        SystemKind kind,
        int repeat,
        SystemUnderTest system,
        LiveProducer producer,
        double rate)
    {
        producer.Pace(rate);
        await Task.Delay(TimeSpan.FromSeconds(2));
        await TopKAsync(report, kind, repeat, system, RankingPolicy.PosteriorMean, rate);
        var freshness = await FreshnessMeasure.RunAsync(
            system, producer, RunId(kind, $"r{repeat}"), settings.FreshnessProbes, miss => Say("  missed: " + miss));
        report.Freshness.Add((kind, repeat, freshness));
        Say($"freshness {kind} #{repeat}: p50 {freshness.P50Ms:0.0} ms, p99 {freshness.P99Ms:0.0} ms "
            + $"({freshness.Shown} shown, {freshness.Missed} missed)");

        // Last: a system that cannot keep up with sampled rankings stays busy for a while afterwards.
        if (kind == SystemKind.Bandit)
        {
            await TopKAsync(report, kind, repeat, system, RankingPolicy.ThompsonSampling, rate);
        }

        producer.Pace(0);
    }

    private async Task TopKAsync(
        BenchReport report,
        SystemKind kind,
        int repeat,
        SystemUnderTest system,
        RankingPolicy policy,
        double rate)
    {
        var topK = await TopKLatencyMeasure.RunAsync(
            system, policy, settings.TopKRequestsPerSecond, settings.TopKLength);
        report.TopK.Add((kind, repeat, topK));
        Say($"GetTopK {kind} {policy} #{repeat} at {settings.TopKRequestsPerSecond:N0} rps while producing "
            + $"{rate:N0}/s: p50 {topK.P50Ms:0.000} ms, p99 {topK.P99Ms:0.000} ms ({topK.Answered:N0} answered, "
            + $"{topK.Failed:N0} failed)");
    }

    // One system failing one measure (a crash, a call that never answers) leaves the rest of the run standing.
    private async Task GuardAsync(BenchReport report, string what, Func<Task> step)
    {
        try
        {
            await step();
        }
        catch (Exception ex) when (ex is RpcException or InvalidOperationException or TimeoutException
            or IOException or Confluent.Kafka.KafkaException)
        {
            report.Warnings.Add($"{what} failed: {ex.GetType().Name}: {ex.Message}");
            Say(report.Warnings[^1]);
        }
    }

    private string RunId(SystemKind kind, string what) =>
        $"bench-{_stamp}-{kind.ToString().ToLowerInvariant()}-{what}";

    private string SettingsLine() => string.Create(
        CultureInfo.InvariantCulture,
        $"sizes {string.Join(',', settings.Sizes)}, {settings.PreloadEvents:N0} events each, "
        + $"{settings.Partitions} partitions, {settings.Repeats} repeat(s), "
        + $"systems {string.Join(',', settings.Systems)}, "
        + $"catch-up limit {settings.CatchUpLimit.TotalSeconds:0}s, trials {settings.TrialLength.TotalSeconds:0}s x "
        + $"{settings.MaxTrials}, live rate {(settings.LiveRate > 0 ? $"{settings.LiveRate:N0}/s" : "auto")}, "
        + $"GetTopK {settings.TopKRequestsPerSecond:N0} rps for {settings.TopKLength.TotalSeconds:0}s, "
        + $"{settings.FreshnessProbes} freshness probes, {settings.Configuration} build");

    private void Say(string line) =>
        output.WriteLine($"[{_clock.Elapsed:hh\\:mm\\:ss}] {line}");
}
