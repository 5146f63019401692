using Bandit.ClickLogs;

namespace Bandit.Tools.Evaluate;

/// <summary>Off-policy estimates on uniform-random logs, printed as a Markdown table.</summary>
internal static class ReplayReport
{
    public static void Run(EvaluateArguments arguments, TextWriter output)
    {
        foreach (var path in arguments.Logs)
        {
            var rows = Load(path);
            var logged = Interval.Wilson(rows.Count(r => r.Clicked), rows.Count);
            output.WriteLine(
                $"{path}: {rows.Count:N0} rows, {rows.Select(r => r.PostId).Distinct().Count()} posts; the logging " +
                $"(uniform random) policy's own CTR {logged}");
            output.WriteLine();
            output.WriteLine("| policy | replay CTR (95% CI) | rows accepted | clicks | IPW CTR (95% CI) |");
            output.WriteLine("|---|---|---:|---:|---|");
            foreach (var policy in arguments.Policies)
            {
                var estimate = OfflineReplay.Run(rows, policy, seed: 1);
                output.WriteLine(
                    $"| {policy.Name} | {estimate.Replay} | {estimate.Accepted:N0} | {estimate.AcceptedClicks} | " +
                    $"{(estimate.AcceptedClicks == 0 ? "0 (no matched click: no interval)" : estimate.Ipw)} |");
            }

            output.WriteLine();
        }

        output.WriteLine(
            "Replay keeps only the rows where the policy chose the logged post at the logged position (about one "
            + "in the number of posts); IPW intervals are normal approximations, cut at 0, and mean little with "
            + "fewer than about ten matched clicks.");
    }

    private static List<ClickLogRow> Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new ArgumentException($"{path}: file not found");
        }

        List<ClickLogRow> rows;
        try
        {
            rows = ClickLogReader.Read(path).ToList();
        }
        catch (ClickLogFormatException ex)
        {
            throw new FormatException($"{path}: {ex.Message}", ex);
        }

        if (rows.Count == 0)
        {
            throw new FormatException($"{path}: the log has a header but no rows");
        }

        if (rows.Any(r => r.Propensity is null || r.Position < 1))
        {
            throw new FormatException($"{path}: replay needs position and propensity_score on every row");
        }

        // Replay is unbiased only for a uniformly random logging policy, whose propensities are all equal.
        var (low, high) = (rows.Min(r => r.Propensity!.Value), rows.Max(r => r.Propensity!.Value));
        if (high - low > 1e-9 * high)
        {
            throw new FormatException(
                $"{path}: replay needs a uniform-random log (equal propensity_score on every row); this one has " +
                $"{low} to {high}");
        }

        return rows;
    }
}
