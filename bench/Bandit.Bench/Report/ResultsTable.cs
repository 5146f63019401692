using System.Globalization;
using Bandit.Bench.Harness;
using Bandit.Contracts.Gateway.V1;

namespace Bandit.Bench.Report;

/// <summary>
/// The results table: one row per measure with each system's median [min..max] over the repeats, Bandit's
/// ratios to the two baselines, and the issue's target for Bandit with PASS or FAIL.
/// </summary>
internal sealed class ResultsTable(BenchReport report, BenchSettings settings)
{
    private const double BytesPerKb = 1024;

    private static readonly SystemKind[] Columns = [SystemKind.Bandit, SystemKind.Redis, SystemKind.InMemory];

    public List<Target> Targets { get; } = [];

    public TextTable Build()
    {
        var table = new TextTable("measure", "Bandit", "Redis", "in-memory", "B/Redis", "B/mem", "target (Bandit)", "");
        AddCatchUp(table);
        AddSustained(table);
        AddReads(table);
        AddMemory(table);
        return table;
    }

    public Spread CatchUp(SystemKind system, int arms) =>
        Spread.Of(report.CatchUps.Where(c => c.System == system && c.Arms == arms).Select(c => c.Result.SteadyRate));

    private void AddCatchUp(TextTable table)
    {
        table.Section("catch-up rate, events/s over the 5%..95% span of a preloaded topic (* = hit the time limit)");
        foreach (var arms in settings.Sizes)
        {
            var spreads = Columns.ToDictionary(s => s, s => CatchUp(s, arms));
            Target? target = null;
            if (arms == settings.LargestSize)
            {
                var bandit = spreads[SystemKind.Bandit];
                var redis = spreads[SystemKind.Redis];
                target = Judge(
                    ">= 1.5x Redis, >= 200,000/s",
                    bandit.HasValue && redis.HasValue
                        ? bandit.Median >= 1.5 * redis.Median && bandit.Median >= 200_000
                        : null);
            }

            Row(table, $"catch-up {Arms(arms)} arms{(IncompleteAt(arms) ? " *" : "")}", spreads, Rate, target);
        }

        table.Add(
            "  full span (first..all applied)", Cell(FullSpan(SystemKind.Bandit)), Cell(FullSpan(SystemKind.Redis)),
            Cell(FullSpan(SystemKind.InMemory)), "", "", "", "");
        if (settings.Sizes.Count > 1)
        {
            var ratios = Columns.ToDictionary(s => s, s => Ratio(s, settings.LargestSize, settings.SmallestSize));
            var bandit = ratios[SystemKind.Bandit];
            Row(
                table,
                $"catch-up {Arms(settings.LargestSize)} / {Arms(settings.SmallestSize)}",
                ratios,
                v => v.ToString("0.00", CultureInfo.InvariantCulture),
                Judge(">= 0.5 (falls at most 2x)", bandit.HasValue ? bandit.Median >= 0.5 : null),
                ratiosToBaselines: false);
        }

        string Cell(Spread s) => s.Format(Rate);
        Spread FullSpan(SystemKind system) => Spread.Of(report.CatchUps
            .Where(c => c.System == system && c.Arms == settings.LargestSize).Select(c => c.Result.Rate));
    }

    private void AddSustained(TextTable table)
    {
        table.Section($"sustained ingest at {Arms(settings.LargestSize)} arms: highest produce rate with consumer "
            + $"lag < 1 s for {settings.TrialLength.TotalSeconds:0} s (0 = none held; >= : the producer's limit)");
        var spreads = Columns.ToDictionary(
            s => s, s => Spread.Of(report.Sustained.Where(x => x.System == s).Select(x => x.Best)));
        Row(table, "sustained events/s", spreads, v => Rate(v), null);
        foreach (var system in Columns.Where(s => report.Sustained.Any(x => x.System == s && x.ProducerLimited)))
        {
            table.Add($"  {system}: producer-limited in some repeats", "", "", "", "", "", "", "");
        }
    }

    private void AddReads(TextTable table)
    {
        table.Section($"GetTopK k=10, open loop {settings.TopKRequestsPerSecond:N0} rps while producing "
            + $"{report.LiveRate:N0} events/s, ms; freshness: produce ack -> visible in top 10, ms");
        foreach (var (policy, name) in new[]
        {
            (RankingPolicy.PosteriorMean, "POSTERIOR_MEAN"),
            (RankingPolicy.ThompsonSampling, "THOMPSON_SAMPLING"),
        })
        {
            Spread Of(SystemKind s, Func<Measures.TopKLatencyResult, double> pick) => Spread.Of(
                report.TopK.Where(t => t.System == s && t.Result.Policy == policy).Select(t => pick(t.Result)));
            var p50 = Columns.ToDictionary(s => s, s => Of(s, r => r.P50Ms));
            var p99 = Columns.ToDictionary(s => s, s => Of(s, r => r.P99Ms));
            Row(table, $"GetTopK p50 {name}", p50, Ms, null);
            var bandit = p99[SystemKind.Bandit];
            Row(table, $"GetTopK p99 {name}", p99, Ms, Judge("<= 2 ms", bandit.HasValue ? bandit.Median <= 2.0 : null));
            var failed = Columns.ToDictionary(
                s => s, s => Of(s, r => 100.0 * r.Failed / Math.Max(1, r.Answered + r.Failed)));
            if (failed.Values.Any(f => f.HasValue && f.Max > 0))
            {
                Row(table, $"  GetTopK {name} unanswered in 5 s, %", failed, Percent, null, ratiosToBaselines: false);
            }
        }

        var f50 = Columns.ToDictionary(
            s => s, s => Spread.Of(report.Freshness.Where(f => f.System == s).Select(f => f.Result.P50Ms)));
        var f99 = Columns.ToDictionary(
            s => s, s => Spread.Of(report.Freshness.Where(f => f.System == s).Select(f => f.Result.P99Ms)));
        Row(table, "freshness p50", f50, Ms, null);
        var missed = Columns.ToDictionary(
            s => s, s => Spread.Of(report.Freshness.Where(f => f.System == s).Select(f => (double)f.Result.Missed)));
        if (missed.Values.Any(m => m.HasValue && m.Max > 0))
        {
            Row(table, "  freshness probes missed (15 s)", missed, v => $"{v:0}", null, ratiosToBaselines: false);
        }

        var banditFresh = f99[SystemKind.Bandit];
        var memoryFresh = f99[SystemKind.InMemory];
        Row(table, "freshness p99", f99, Ms, Judge(
            "<= in-memory p99 + 150 ms",
            banditFresh.HasValue && memoryFresh.HasValue ? banditFresh.Median <= memoryFresh.Median + 150 : null));
    }

    private void AddMemory(TextTable table)
    {
        if (settings.Sizes.Count < 2)
        {
            return;
        }

        table.Section($"memory per arm, bytes: (figure at {Arms(settings.LargestSize)} - figure at "
            + $"{Arms(settings.SmallestSize)}) / difference in arms held, when the catch-up ended (* : by its time "
            + "limit; arms then estimated from the applied prefix)");
        var rss = Columns.ToDictionary(s => s, s => PerArm(s, m => m.ResidentBytes));
        var bandit = rss[SystemKind.Bandit];
        Row(table, $"process RSS per arm{(IncompleteAt(settings.LargestSize) ? " *" : "")}", rss, Bytes, Judge(
            "<= 2.5 KB", bandit.HasValue ? bandit.Median <= 2.5 * BytesPerKb : null));
        Row(table, "GC heap per arm", Columns.ToDictionary(s => s, s => PerArm(s, m => m.GcHeapBytes)), Bytes, null);
        Row(
            table,
            "Redis used_memory per arm",
            Columns.ToDictionary(s => s, s => PerArm(s, m => m.RedisUsedBytes)),
            Bytes,
            null,
            ratiosToBaselines: false);
    }

    private Spread PerArm(SystemKind system, Func<MemorySample, double> figure)
    {
        var values = new List<double>();
        for (var repeat = 1; repeat <= settings.Repeats; repeat++)
        {
            var at = report.CatchUps.Where(c => c.System == system && c.Repeat == repeat && c.Memory is not null)
                .ToDictionary(c => c.Arms, c => c.Memory!);
            if (at.TryGetValue(settings.SmallestSize, out var low) && at.TryGetValue(settings.LargestSize, out var high)
                && high.ArmsHeld > low.ArmsHeld)
            {
                values.Add((figure(high) - figure(low)) / (high.ArmsHeld - low.ArmsHeld));
            }
        }

        return Spread.Of(values);
    }

    private Spread Ratio(SystemKind system, int numerator, int denominator)
    {
        var values = new List<double>();
        for (var repeat = 1; repeat <= settings.Repeats; repeat++)
        {
            var top = report.CatchUps.FirstOrDefault(
                c => c.System == system && c.Repeat == repeat && c.Arms == numerator);
            var bottom = report.CatchUps.FirstOrDefault(
                c => c.System == system && c.Repeat == repeat && c.Arms == denominator);
            if (top is not null && bottom is not null && bottom.Result.SteadyRate > 0)
            {
                values.Add(top.Result.SteadyRate / bottom.Result.SteadyRate);
            }
        }

        return Spread.Of(values);
    }

    private bool IncompleteAt(int arms) => report.CatchUps.Any(c => c.Arms == arms && !c.Result.Complete);

    private Target? Judge(string description, bool? met)
    {
        var target = new Target(description, met);
        Targets.Add(target);
        return target;
    }

    private static void Row(
        TextTable table,
        string measure,
        Dictionary<SystemKind, Spread> spreads,
        Func<double, string> number,
        Target? target,
        bool ratiosToBaselines = true)
    {
        var bandit = spreads[SystemKind.Bandit];
        string Versus(SystemKind other) => ratiosToBaselines && bandit.HasValue && spreads[other].HasValue
            && spreads[other].Median != 0
                ? (bandit.Median / spreads[other].Median).ToString("0.00x", CultureInfo.InvariantCulture)
                : "";
        table.Add(
            measure,
            bandit.Format(number),
            spreads[SystemKind.Redis].Format(number),
            spreads[SystemKind.InMemory].Format(number),
            Versus(SystemKind.Redis),
            Versus(SystemKind.InMemory),
            target?.Description ?? "",
            target?.Verdict ?? "");
    }

    private static string Arms(int arms) => arms switch
    {
        >= 1_000_000 when arms % 1_000_000 == 0 => $"{arms / 1_000_000}M",
        >= 1_000 when arms % 1_000 == 0 => $"{arms / 1_000}k",
        _ => arms.ToString(CultureInfo.InvariantCulture),
    };

    private static string Rate(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Ms(double value) => value.ToString(value < 10 ? "0.00" : "0", CultureInfo.InvariantCulture);

    private static string Percent(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Bytes(double value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
