using System.Runtime.InteropServices;
using Bandit.Bench;
using Bandit.Bench.Harness;
using Bandit.Bench.Baselines;
using Bandit.Bench.Load;
using Bandit.Bench.Report;

CommandLine line;
try
{
    line = CommandLine.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine($"bandit-bench: {ex.Message}");
    Console.Error.WriteLine(Usage.Text);
    return 2;
}

switch (line.Command)
{
    case "run":
        using (PosixSignalRegistration.Create(PosixSignal.SIGINT, StopChildren))
        using (PosixSignalRegistration.Create(PosixSignal.SIGTERM, StopChildren))
        {
            return await RunAsync(line);
        }

    case "preload":
        var result = Preloader.Run(
            line.Text("bootstrap"),
            line.Text("topic"),
            (int)line.Number("partitions"),
            (int)line.Number("arms"),
            line.Number("events"),
            (int)line.Number("seed", 1));
        Console.WriteLine(
            $"preloaded {result.Events:N0} events ({result.Clicks:N0} clicks) over {result.Arms:N0} arms in "
            + $"{result.Elapsed.TotalSeconds:0.0}s ({result.EventsPerSecond:N0}/s); held {result.Watermarks.Held:N0}, "
            + $"dropped {result.Watermarks.Dropped:N0}, largest partition {result.LargestPartition:N0}");
        return result.Complete ? 0 : 1;
    case "serve-memory":
        await BaselineHost.RunInMemoryAsync(BaselineSettings.From(line));
        return 0;
    case "serve-redis":
        await BaselineHost.RunRedisAsync(BaselineSettings.From(line));
        return 0;
    default:
        Console.Error.WriteLine($"bandit-bench: unknown subcommand '{line.Command}'");
        Console.Error.WriteLine(Usage.Text);
        return 2;
}

static async Task<int> RunAsync(CommandLine line)
{
    var settings = BenchSettings.FromEnvironment(line.Has("quick"));
    var report = await new BenchRunner(settings, Console.Out).RunAsync();
    var file = ResultsWriter.Write(report, settings, Console.Out);
    Console.WriteLine($"table written to {file}");
    return 0;
}

// An interrupted run still stops what it started; the process then ends as the signal says.
static void StopChildren(PosixSignalContext context) => ChildRegistry.KillAll();
