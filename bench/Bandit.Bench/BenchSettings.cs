using System.Globalization;
using Bandit.Bench.Harness;

namespace Bandit.Bench;

/// <summary>
/// Everything a run can be told; bench/run.sh documents the environment variables. The defaults are the full
/// run, <c>--quick</c> a reduced one that still exercises every measure.
/// </summary>
internal sealed record BenchSettings
{
    public IReadOnlyList<int> Sizes { get; init; } = [1_000, 100_000, 1_000_000];

    /// <summary>Events preloaded per size for the catch-up measure.</summary>
    public long PreloadEvents { get; init; } = 10_000_000;

    public int Partitions { get; init; } = 64;

    public int Repeats { get; init; } = 3;

    public IReadOnlyList<SystemKind> Systems { get; init; } =
        [SystemKind.Bandit, SystemKind.Redis, SystemKind.InMemory];

    /// <summary>A catch-up run ends here even when events are left; its rate then covers what it applied.</summary>
    public TimeSpan CatchUpLimit { get; init; } = TimeSpan.FromSeconds(60);

    public TimeSpan TrialLength { get; init; } = TimeSpan.FromSeconds(60);

    public int MaxTrials { get; init; } = 3;

    /// <summary>The first rung of the ladder as a share of the system's catch-up rate at the same size.</summary>
    public double LadderStartShare { get; init; } = 0.5;

    /// <summary>Produce rate while GetTopK latency and freshness are measured; 0 picks it from the ladder.</summary>
    public double LiveRate { get; init; }

    public double LiveRateCap { get; init; } = 50_000;

    public double TopKRequestsPerSecond { get; init; } = 1_000;

    public TimeSpan TopKLength { get; init; } = TimeSpan.FromSeconds(20);

    public int FreshnessProbes { get; init; } = 50;

    /// <summary>
    /// Longest a live session waits for a system to take in its warm-up set (one impression of each of the N
    /// posts); a system that cannot gets no live figures in that session.
    /// </summary>
    public TimeSpan WarmUpLimit { get; init; } = TimeSpan.FromSeconds(180);

    public int Seed { get; init; } = 1;

    public string Configuration { get; init; } = "Release";

    public string ResultsDirectory { get; init; } = Path.Combine("bench", "results");

    public int LargestSize => Sizes.Max();

    public int SmallestSize => Sizes.Min();

    public static BenchSettings Quick { get; } = new()
    {
        Sizes = [1_000, 100_000],
        PreloadEvents = 1_000_000,
        Partitions = 16,
        Repeats = 1,
        CatchUpLimit = TimeSpan.FromSeconds(60),
        TrialLength = TimeSpan.FromSeconds(15),
        MaxTrials = 3,
        TopKLength = TimeSpan.FromSeconds(10),
        FreshnessProbes = 50,
        WarmUpLimit = TimeSpan.FromSeconds(120),
    };

    /// <summary>The defaults (or <see cref="Quick"/>) overridden by BENCH_* environment variables.</summary>
    public static BenchSettings FromEnvironment(bool quick)
    {
        var s = quick ? Quick : new BenchSettings();
        return s with
        {
            Sizes = Text("BENCH_SIZES") is { } sizes
                ? sizes.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(v => (int)Number(v)).ToArray()
                : s.Sizes,
            PreloadEvents = (long)(Real("BENCH_EVENTS") ?? s.PreloadEvents),
            Partitions = (int)(Real("BENCH_PARTITIONS") ?? s.Partitions),
            Repeats = (int)(Real("BENCH_REPEATS") ?? s.Repeats),
            Systems = Text("BENCH_SYSTEMS") is { } systems
                ? systems.Split(',', StringSplitOptions.RemoveEmptyEntries)
                    .Select(v => Enum.Parse<SystemKind>(v, ignoreCase: true)).ToArray()
                : s.Systems,
            CatchUpLimit = Seconds("BENCH_CATCHUP_LIMIT") ?? s.CatchUpLimit,
            TrialLength = Seconds("BENCH_TRIAL_SECONDS") ?? s.TrialLength,
            MaxTrials = (int)(Real("BENCH_MAX_TRIALS") ?? s.MaxTrials),
            LiveRate = Real("BENCH_LIVE_RATE") ?? s.LiveRate,
            TopKLength = Seconds("BENCH_TOPK_SECONDS") ?? s.TopKLength,
            WarmUpLimit = Seconds("BENCH_WARMUP_LIMIT") ?? s.WarmUpLimit,
            FreshnessProbes = (int)(Real("BENCH_PROBES") ?? s.FreshnessProbes),
            Seed = (int)(Real("BENCH_SEED") ?? s.Seed),
            Configuration = Text("BENCH_CONFIGURATION") ?? s.Configuration,
        };
    }

    private static string? Text(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;

    private static double? Real(string name) => Text(name) is { } value ? Number(value) : null;

    private static TimeSpan? Seconds(string name) => Real(name) is { } value ? TimeSpan.FromSeconds(value) : null;

    private static double Number(string value) =>
        double.Parse(
            value.Replace("_", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture);
}
