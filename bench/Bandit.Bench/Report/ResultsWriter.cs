using System.Globalization;
using Bandit.Bench.Harness;

namespace Bandit.Bench.Report;

/// <summary>Prints the results table with the warnings, and keeps a copy under the results folder.</summary>
internal static class ResultsWriter
{
    public static string Write(BenchReport report, BenchSettings settings, TextWriter output)
    {
        var results = new ResultsTable(report, settings);
        var text = Render(report, settings, results);
        output.WriteLine();
        output.Write(text);

        var root = BenchPaths.Locate(settings.Configuration).RepositoryRoot;
        var directory = Path.Combine(root, settings.ResultsDirectory);
        Directory.CreateDirectory(directory);
        var stamp = DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var file = Path.Combine(directory, $"table-{stamp}.txt");
        File.WriteAllText(file, string.Join(Environment.NewLine, MachineInfo.Describe()) + Environment.NewLine + text);
        return file;
    }

    public static string Render(BenchReport report, BenchSettings settings, ResultsTable results)
    {
        var table = results.Build().Render();
        var lines = new List<string>
        {
            $"=== Bandit benchmark: {string.Join(", ", settings.Systems)}; {settings.Repeats} repeat(s), "
            + $"median [min..max]; took {report.Elapsed:hh\\:mm\\:ss} ===",
        };
        foreach (var preload in report.Preloads)
        {
            lines.Add($"preload {preload.Topic}: {preload.Events:N0} events ({preload.Clicks:N0} clicks), "
                + $"{preload.DistinctArms:N0} distinct arms, broker holds {preload.Watermarks.Held:N0} "
                + $"(low watermarks {(preload.Watermarks.Dropped == 0 ? "all 0" : "NOT all 0")})");
        }

        lines.Add(table);
        var judged = results.Targets.Where(t => t.Met is not null).ToList();
        lines.Add($"targets: {judged.Count(t => t.Met == true)} PASS, {judged.Count(t => t.Met == false)} FAIL, "
            + $"{results.Targets.Count - judged.Count} not measurable");
        foreach (var warning in report.Warnings)
        {
            lines.Add("WARNING: " + warning);
        }

        return string.Join(Environment.NewLine, lines) + Environment.NewLine;
    }
}
