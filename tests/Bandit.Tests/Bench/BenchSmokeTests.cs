using System.Diagnostics;
using Bandit.Bench;
using Bandit.Bench.Harness;
using Bandit.Bench.Report;
using Xunit.Abstractions;

namespace Bandit.Tests.Bench;

/// <summary>
/// The benchmark suite end to end at tiny sizes: the same code as bench/run.sh, with the real silo, a real
/// redis-server and the standalone dev broker, so that a broken measure shows here rather than an hour into a
/// full run. It asserts that real figures come out, not that they are good.
/// </summary>
[Collection(BenchCollection.Name)]
public sealed class BenchSmokeTests(ITestOutputHelper output)
{
    private const long Events = 20_000;

    [Fact]
    public async Task Bench_TinyRun_MeasuresEverySystem()
    {
        // Arrange
        var results = Directory.CreateTempSubdirectory("bandit-bench-smoke-");
        var settings = new BenchSettings
        {
            Sizes = [1_000],
            PreloadEvents = Events,
            Partitions = 4,
            Repeats = 1,
            CatchUpLimit = TimeSpan.FromSeconds(20),
            TrialLength = TimeSpan.FromSeconds(2),
            MaxTrials = 1,
            LiveRate = 2_000,
            TopKLength = TimeSpan.FromSeconds(1),
            FreshnessProbes = 5,
            WarmUpLimit = TimeSpan.FromSeconds(20),
            Configuration = BuildConfiguration(),
            ResultsDirectory = results.FullName,
        };
        var log = new StringWriter();
        var clock = Stopwatch.StartNew();

        // Act
        BenchReport report;
        try
        {
            report = await new BenchRunner(settings, log).RunAsync();
        }
        finally
        {
            output.WriteLine(log.ToString());
        }

        var table = ResultsWriter.Render(report, settings, new ResultsTable(report, settings));
        output.WriteLine(table);
        results.Delete(recursive: true);

        // Assert
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"took {clock.Elapsed}");
        Assert.Empty(report.Warnings);
        var preload = Assert.Single(report.Preloads);
        Assert.True(preload.Complete, "the broker kept every preloaded event");
        foreach (var system in settings.Systems)
        {
            var catchUp = Assert.Single(report.CatchUps, c => c.System == system);
            Assert.True(catchUp.Result.Complete, $"{system} applied the whole topic");
            Assert.True(catchUp.Result.Rate > 0, $"{system} catch-up rate {catchUp.Result.Rate}");
            Assert.Contains(report.TopK, t => t.System == system && t.Result.Answered > 0 && t.Result.P50Ms > 0);
            Assert.Contains(report.Freshness, f => f.System == system && f.Result.Shown > 0);
            Assert.Contains(report.Sustained, s => s.System == system);
        }

        var inMemory = report.CatchUps.Single(c => c.System == SystemKind.InMemory).Result;
        Assert.Equal(Events, inMemory.Applied);
        Assert.Equal(Events, preload.Watermarks.Appended);
        var header = table.Split('\n').First(l => l.StartsWith("measure", StringComparison.Ordinal));
        Assert.Contains("Bandit", header, StringComparison.Ordinal);
        Assert.Contains("Redis", header, StringComparison.Ordinal);
        Assert.Contains("in-memory", header, StringComparison.Ordinal);
        var catchUpRow = table.Split('\n').First(l => l.StartsWith("catch-up 1k arms", StringComparison.Ordinal));
        Assert.DoesNotContain("n/a", catchUpRow, StringComparison.Ordinal);
    }

    // The bench starts the silo, the dev broker and its baselines from the same configuration as this build.
    private static string BuildConfiguration() =>
        new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent?.Name ?? "Debug";
}
