namespace Bandit.Bench.Harness;

/// <summary>The standalone dev broker (tools/DevBroker) with every topic the run needs, on a free port.</summary>
internal sealed class DevBrokerProcess(BenchProcess process, string bootstrapServers) : IAsyncDisposable
{
    public string BootstrapServers { get; } = bootstrapServers;

    public int Pid => process.Pid;

    public static async Task<DevBrokerProcess> StartAsync(
        BenchPaths paths,
        IEnumerable<string> topics,
        int partitions,
        string logDirectory)
    {
        var port = FreePorts.Next();
        List<string> arguments = [paths.DevBrokerDll, "--port", $"{port}", "--partitions", $"{partitions}"];
        foreach (var topic in topics)
        {
            arguments.AddRange(["--topic", topic]);
        }

        var process = BenchProcess.Start(
            paths.Dotnet, arguments, new Dictionary<string, string>(), Path.Combine(logDirectory, "broker.log"));
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!process.Lines.ToArray().Any(l => l.StartsWith("bootstrap=", StringComparison.Ordinal)))
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                await process.DisposeAsync();
                throw new InvalidOperationException($"the dev broker did not start; see {process.LogPath}");
            }

            await Task.Delay(50);
        }

        return new DevBrokerProcess(process, $"127.0.0.1:{port}");
    }

    public ValueTask DisposeAsync() => process.DisposeAsync();
}
