using Bandit.ClickLogs;

namespace Bandit.Tools.Evaluate;

/// <summary>Off-policy estimates on uniform-random logs, printed as a Markdown table.</summary>
internal static class ReplayReport
{
    public static void Run(EvaluateArguments arguments, TextWriter output)
    {
        foreach (var path in arguments.Logs)
        {
            var rows = ClickLogReader.Read(path).ToList();
            if (rows.Any(r => r.Propensity is null || r.Position < 1))
            {
                throw new FormatException($"{path}: replay needs position and propensity_score on every row");
            }

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
                    $"{estimate.Ipw} |");
            }

            output.WriteLine();
        }
    }
}
