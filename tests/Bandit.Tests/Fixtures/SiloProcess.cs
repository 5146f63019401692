using System.Diagnostics;
using System.Globalization;
using Bandit.Contracts.Gateway.V1;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Xunit.Abstractions;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Bandit.Tests.Fixtures;

/// <summary>
/// The built silo (<c>dotnet Bandit.Silo.dll</c>) as a child process, configured only through environment
/// variables, on ports of its own that it keeps across restarts. Unlike <see cref="TestSilo"/> it can be
/// killed with SIGKILL or stopped with SIGTERM. Dispose kills it and writes its output to the test output.
/// </summary>
internal sealed class SiloProcess : IAsyncDisposable
{
    private static readonly TimeSpan DefaultStartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan DefaultStopTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan HealthCallTimeout = TimeSpan.FromSeconds(10);
    private static readonly Lazy<string> SiloDirectory = new(LocateSiloDirectory);

    private readonly TestSiloSettings _settings;
    private readonly ITestOutputHelper _output;
    private readonly int _webPort = FreePort.Next();
    private readonly int _siloPort = FreePort.Next();
    private readonly int _gatewayPort = FreePort.Next();
    private readonly GrpcChannel _channel;
    private ChildProcess? _process;

    public SiloProcess(string name, TestSiloSettings settings, ITestOutputHelper output)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(output);

        _settings = settings;
        _output = output;
        Log = new ProcessLog(name);
        _channel = GrpcChannel.ForAddress($"http://127.0.0.1:{GrpcPort}");
        Client = new FeedRanking.FeedRankingClient(_channel);
        Health = new Health.HealthClient(_channel);
    }

    public string Name => Log.Name;

    public int GrpcPort { get; } = FreePort.Next();

    /// <summary>The silo-to-silo port; part of the silo's address in the membership table.</summary>
    public int SiloPort => _siloPort;

    /// <summary>The exit code of the last stop or kill; null while it runs or before.</summary>
    public int? ExitCode { get; private set; }

    public ProcessLog Log { get; }

    /// <summary>The gateway of this silo; the channel reconnects after a restart.</summary>
    public FeedRanking.FeedRankingClient Client { get; }

    public Health.HealthClient Health { get; }

    /// <summary>Starts the process and waits until its gRPC health check answers SERVING.</summary>
    public async Task StartAsync(TimeSpan? timeout = null)
    {
        if (_process is { HasExited: false })
        {
            throw new InvalidOperationException($"{Name} is already running");
        }

        _process?.Dispose();
        ExitCode = null;
        var start = new ProcessStartInfo(DotnetHost(), [Path.Combine(SiloDirectory.Value, "Bandit.Silo.dll")])
        {
            WorkingDirectory = SiloDirectory.Value,
        };
        Configure(start.Environment);
        var process = ChildProcess.Start(start, Log);
        _process = process;

        await Eventually.ReturnsAsync(
            async () => process.HasExited
                ? throw new InvalidOperationException($"{Name} exited during start-up; see its output")
                : await HealthAsync(),
            status => status == ServingStatus.Serving,
            timeout ?? DefaultStartTimeout,
            $"{Name} answering SERVING");
        Log.Note("SERVING");
    }

    /// <summary>SIGKILL: the silo gets no chance to deactivate grains or commit offsets.</summary>
    public async Task KillAsync()
    {
        var process = _process ?? throw new InvalidOperationException($"{Name} is not running");
        await process.KillAsync();
        ExitCode = process.ExitCode;
        _process = null;
    }

    /// <summary>SIGTERM, then waits for the graceful exit; returns how long the shutdown took.</summary>
    public async Task<TimeSpan> StopAsync(TimeSpan? timeout = null)
    {
        var process = _process ?? throw new InvalidOperationException($"{Name} is not running");
        var limit = timeout ?? DefaultStopTimeout;
        var clock = Stopwatch.StartNew();
        if (!await process.TerminateAsync(limit))
        {
            throw new TimeoutException($"{Name} did not exit within {limit.TotalSeconds:0}s of SIGTERM");
        }

        ExitCode = process.ExitCode;
        _process = null;
        return clock.Elapsed;
    }

    /// <summary>
    /// An HTTP health endpoint on the web port: the status code and the body, or (0, "") while nothing
    /// answers.
    /// </summary>
    public async Task<(int Status, string Body)> HttpHealthAsync(string path)
    {
        using var http = new HttpClient
        {
            BaseAddress = new Uri($"http://127.0.0.1:{_webPort}"),
            Timeout = HealthCallTimeout,
        };
        try
        {
            using var response = await http.GetAsync(path);
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return (0, "");
        }
    }

    /// <summary>The overall health (service ""), or Unknown while the gateway does not answer.</summary>
    public async Task<ServingStatus> HealthAsync()
    {
        try
        {
            var reply = await Health.CheckAsync(
                new HealthCheckRequest { Service = "" },
                deadline: DateTime.UtcNow + HealthCallTimeout);
            return reply.Status;
        }
        catch (RpcException)
        {
            return ServingStatus.Unknown;
        }
    }

    /// <summary>Partitions of the topic this silo reads now per its log (stream events 1001, 1002).</summary>
    public int PartitionsRead(string topic) =>
        Log.Count($"reads {topic} partition") - Log.Count($"released {topic} partition");

    public ValueTask DisposeAsync()
    {
        _process?.Dispose();
        _process = null;
        _channel.Dispose();
        Log.WriteTo(_output);
        return ValueTask.CompletedTask;
    }

    private void Configure(IDictionary<string, string?> environment)
    {
        // Only what this test says configures the silo: nothing inherited from the shell or CI.
        foreach (var key in environment.Keys.Where(InheritedSetting).ToList())
        {
            environment.Remove(key);
        }

        var settings = new Dictionary<string, string>
        {
            ["Kestrel__Endpoints__Grpc__Url"] = $"http://127.0.0.1:{GrpcPort}",
            ["Kestrel__Endpoints__Grpc__Protocols"] = "Http2",
            ["Kestrel__Endpoints__Web__Url"] = $"http://127.0.0.1:{_webPort}",
            ["Kestrel__Endpoints__Web__Protocols"] = "Http1",
            ["Bandit__Kafka__BootstrapServers"] = _settings.BootstrapServers,
            ["Bandit__Kafka__Topic"] = _settings.Topic,
            ["Bandit__Kafka__Partitions"] = _settings.Partitions.ToString(CultureInfo.InvariantCulture),
            ["Bandit__Kafka__ConsumerGroup"] = _settings.ServiceId,
            ["Bandit__Redis__ConnectionString"] = _settings.RedisConnectionString,
            ["Bandit__Cluster__ServiceId"] = _settings.ServiceId,
            ["Bandit__Cluster__ClusterId"] = _settings.ServiceId,
            // With Redis configured the silo refuses to start until the auth mode is chosen.
            ["Bandit__Auth__Mode"] = "None",
            ["Bandit__Cluster__SiloPort"] = _siloPort.ToString(CultureInfo.InvariantCulture),
            ["Bandit__Cluster__GatewayPort"] = _gatewayPort.ToString(CultureInfo.InvariantCulture),
            // Failure detection in seconds, not the default tens of seconds: nobody reads a dead silo's
            // partitions until the cluster declares it dead. A silo's table entry goes stale after 3 x 2 s.
            ["Orleans__ClusterMembership__ProbeTimeout"] = "00:00:01",
            ["Orleans__ClusterMembership__NumMissedProbesLimit"] = "2",
            ["Orleans__ClusterMembership__NumVotesForDeathDeclaration"] = "1",
            ["Orleans__ClusterMembership__IAmAliveTablePublishTimeout"] = "00:00:02",
            ["Orleans__ClusterMembership__TableRefreshTimeout"] = "00:00:02",
            // One line per entry keeps the captured output readable next to the test's own notes.
            ["Logging__Console__FormatterName"] = "simple",
            ["Logging__Console__FormatterOptions__SingleLine"] = "true",
        };
        foreach (var (key, value) in settings)
        {
            environment[key] = value;
        }
    }

    private static bool InheritedSetting(string key) =>
        key.StartsWith("Bandit__", StringComparison.OrdinalIgnoreCase)
        || key.StartsWith("Orleans__", StringComparison.OrdinalIgnoreCase)
        || key.StartsWith("Kestrel__", StringComparison.OrdinalIgnoreCase)
        || key.StartsWith("Logging__", StringComparison.OrdinalIgnoreCase)
        || key is "ASPNETCORE_URLS" or "DOTNET_URLS" or "ASPNETCORE_ENVIRONMENT" or "DOTNET_ENVIRONMENT";

    // The host that runs the tests runs the silo too, whatever "dotnet" on PATH would be.
    private static string DotnetHost()
    {
        if (Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            return self;
        }

        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        return string.IsNullOrEmpty(host) ? "dotnet" : host;
    }

    // src/Silo/bin/<Configuration>/<tfm>/ first: the test output holds Bandit.Silo.dll too, but its
    // appsettings.json is the stand-alone gateway's (both projects copy one there and the last copy wins).
    private static string LocateSiloDirectory()
    {
        var testOutput = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory));
        var tfm = testOutput.Name;
        var configuration = testOutput.Parent?.Name ?? "Debug";
        for (var dir = testOutput; dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "Silo", "bin", configuration, tfm);
            if (File.Exists(Path.Combine(dir.FullName, "Bandit.sln"))
                && File.Exists(Path.Combine(candidate, "Bandit.Silo.dll")))
            {
                return candidate;
            }
        }

        if (File.Exists(Path.Combine(testOutput.FullName, "Bandit.Silo.dll")))
        {
            return testOutput.FullName;
        }

        throw new FileNotFoundException(
            $"Bandit.Silo.dll is in neither src/Silo/bin/{configuration}/{tfm} nor {testOutput.FullName}");
    }
}
