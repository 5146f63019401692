using Bandit.Bench.Harness;
using Bandit.Bench.Load;
using Bandit.Bench.Measures;

namespace Bandit.Bench.Report;

/// <summary>Every figure of one run, as measured; the table is computed from it.</summary>
internal sealed class BenchReport
{
    public List<PreloadResult> Preloads { get; } = [];

    public List<CatchUpRun> CatchUps { get; } = [];

    public List<(SystemKind System, int Repeat, double Best, bool ProducerLimited, List<SustainedTrialResult> Trials)>
        Sustained { get; } = [];

    public List<(SystemKind System, int Repeat, TopKLatencyResult Result)> TopK { get; } = [];

    public List<(SystemKind System, int Repeat, FreshnessResult Result)> Freshness { get; } = [];

    public double LiveRate { get; set; }

    public List<string> Warnings { get; } = [];

    public TimeSpan Elapsed { get; set; }
}
