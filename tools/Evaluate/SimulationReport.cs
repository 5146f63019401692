using System.Globalization;

namespace Bandit.Tools.Evaluate;

/// <summary>Runs the simulation grid and prints it as a Markdown table.</summary>
internal static class SimulationReport
{
    public static void Run(EvaluateArguments arguments, TextWriter output)
    {
        var rates = CampaignPriors.ClickRates(arguments.PriorsPath, arguments.Campaign);
        var uniform = rates.Average();
        var oracle = rates.OrderDescending().Take(3).Average();
        var horizon = arguments.Checkpoints.Max();
        output.WriteLine(
            $"campaign {arguments.Campaign}: {rates.Length} posts, 3 slots; uniform CTR {uniform:P3}, oracle CTR " +
            $"{oracle:P3} (lift {oracle / uniform:F3}); {arguments.Seeds} seed(s) x {arguments.Policies.Count} " +
            $"policies up to {horizon:N0} impressions");

        var runs = arguments.Policies
            .SelectMany(policy => Enumerable.Range(1, arguments.Seeds).Select(seed => (policy, seed)))
            .ToList();
        var results = new Dictionary<(string, int), IReadOnlyList<SimulationCheckpoint>>();
        var finished = 0;
        Parallel.ForEach(
            runs,
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            run =>
            {
                var settings = new SimulationSettings(
                    run.policy.Policy, horizon, arguments.Checkpoints, (ulong)run.seed, run.policy.Book,
                    Epsilon: run.policy.Epsilon);
                var checkpoints = FeedSimulator.Run(rates, settings);
                lock (results)
                {
                    results[(run.policy.Name, run.seed)] = checkpoints;
                    output.WriteLine(
                        $"  [{++finished}/{runs.Count}] {run.policy.Name} seed {run.seed}: CTR " +
                        $"{checkpoints[^1].ClickRate:P3}");
                }
            });

        output.WriteLine();
        output.WriteLine(
            "| impressions | policy | CTR | lift over uniform | regret (clicks) | share of oracle's excess |");
        output.WriteLine("|---:|---|---|---|---|---|");
        foreach (var (checkpoint, index) in arguments.Checkpoints.Order().Select((c, i) => (c, i)))
        {
            foreach (var policy in arguments.Policies)
            {
                var points = Enumerable.Range(1, arguments.Seeds)
                    .Select(s => results[(policy.Name, s)][index])
                    .ToList();
                var regret = points.Select(p => p.Regret).ToList();
                var ctr = points.Select(p => p.ClickRate).ToList();
                output.WriteLine(
                    $"| {checkpoint:N0} | {policy.Name} | {Spread(ctr, v => v * 100, "F3")}% | " +
                    $"{Spread(ctr, v => v / uniform, "F3")} | {Spread(regret, v => v, "F0")} | " +
                    $"{Spread(ctr, v => (v - uniform) / (oracle - uniform) * 100, "F1")}% |");
            }
        }

        output.WriteLine();
        output.WriteLine(
            "Cells: mean over seeds (min-max). CTR counts the clicks drawn; lift and share divide it by the exact "
            + "uniform and oracle CTRs, so uniform itself shows noise around 1 and 0%. Regret is expected clicks "
            + "lost against the oracle, free of click noise.");
    }

    private static string Spread(IReadOnlyList<double> values, Func<double, double> map, string format)
    {
        var mapped = values.Select(map).ToList();
        return string.Format(
            CultureInfo.InvariantCulture,
            "{0} ({1}-{2})",
            mapped.Average().ToString(format, CultureInfo.InvariantCulture),
            mapped.Min().ToString(format, CultureInfo.InvariantCulture),
            mapped.Max().ToString(format, CultureInfo.InvariantCulture));
    }
}
