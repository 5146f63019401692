using System.Diagnostics;
using Bandit.Contracts.Gateway.V1;
using Grpc.Core;
using Grpc.Net.Client;

namespace Bandit.Bench.Harness;

/// <summary>
/// One running system: a process answering Bandit's gRPC API on 127.0.0.1 and reading one topic, started with
/// fresh state (its own consumer group, an emptied Redis, a new Bandit service id).
/// </summary>
internal sealed class SystemUnderTest : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    private readonly BenchProcess _process;
    private readonly GrpcChannel _channel;
    private readonly int? _webPort;

    private SystemUnderTest(SystemKind kind, BenchProcess process, int grpcPort, int? webPort)
    {
        Kind = kind;
        _process = process;
        _webPort = webPort;
        _channel = GrpcChannel.ForAddress($"http://127.0.0.1:{grpcPort}", new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true },
        });
        Client = new FeedRanking.FeedRankingClient(_channel);
    }

    public SystemKind Kind { get; }

    /// <summary>Stopwatch timestamp taken just before the process started: when it may begin to read.</summary>
    public long StartedTimestamp { get; private init; }

    public FeedRanking.FeedRankingClient Client { get; }

    public int Pid => _process.Pid;

    public double ResidentBytes() => _process.ResidentBytes();

    /// <summary>Bandit's GC heap after the last collection from /metrics; NaN for the baselines.</summary>
    public async Task<double> GcHeapBytesAsync()
    {
        if (_webPort is not { } port)
        {
            return double.NaN;
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var page = await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/metrics"));
        return MetricsPage.Sum(page, "dotnet_gc_last_collection_heap_size_bytes");
    }

    public static async Task<SystemUnderTest> StartAsync(
        SystemKind kind,
        BenchPaths paths,
        BenchStream stream,
        RedisServerProcess redis,
        string runId,
        string logDirectory)
    {
        await redis.FlushAsync();
        var started = Stopwatch.GetTimestamp();
        var grpcPort = FreePorts.Next();
        var logPath = Path.Combine(logDirectory, $"{runId}.log");
        SystemUnderTest system;
        if (kind == SystemKind.Bandit)
        {
            var webPort = FreePorts.Next();
            var environment = new Dictionary<string, string>
            {
                ["Kestrel__Endpoints__Grpc__Url"] = $"http://127.0.0.1:{grpcPort}",
                ["Kestrel__Endpoints__Web__Url"] = $"http://127.0.0.1:{webPort}",
                ["Bandit__Cluster__SiloPort"] = $"{FreePorts.Next()}",
                ["Bandit__Cluster__GatewayPort"] = $"{FreePorts.Next()}",
                ["Bandit__Cluster__ClusterId"] = runId,
                ["Bandit__Cluster__ServiceId"] = runId,
                ["Bandit__Kafka__BootstrapServers"] = stream.BootstrapServers,
                ["Bandit__Kafka__Topic"] = stream.Topic,
                ["Bandit__Kafka__Partitions"] = $"{stream.Partitions}",
                ["Bandit__Kafka__ConsumerGroup"] = runId,
                ["Bandit__Redis__ConnectionString"] = redis.Endpoint,
                ["Bandit__Auth__Mode"] = "None",
                // The bench polls and reads far above a client's default allowance.
                ["Bandit__Limits__ClientCallsPerSecond"] = "1000000",
                ["Bandit__Limits__ClientBurst"] = "1000000",
            };
            var process = BenchProcess.Start(paths.Dotnet, [paths.SiloDll], environment, logPath, paths.SiloDirectory);
            system = new SystemUnderTest(kind, process, grpcPort, webPort) { StartedTimestamp = started };
        }
        else
        {
            List<string> arguments =
            [
                paths.BenchDll, kind == SystemKind.Redis ? "serve-redis" : "serve-memory",
                "--bootstrap", stream.BootstrapServers, "--topic", stream.Topic,
                "--partitions", $"{stream.Partitions}", "--group", runId, "--grpc-port", $"{grpcPort}",
                "--redis", redis.Endpoint,
            ];
            var process = BenchProcess.Start(paths.Dotnet, arguments, new Dictionary<string, string>(), logPath);
            system = new SystemUnderTest(kind, process, grpcPort, null) { StartedTimestamp = started };
        }

        try
        {
            await system.WaitUntilAnsweringAsync();
        }
        catch
        {
            await system.DisposeAsync();
            throw;
        }

        return system;
    }

    /// <summary>The applied offset of each partition (-1 before the first).</summary>
    public async Task<long[]> AppliedOffsetsAsync(int partitions, CancellationToken cancellationToken = default)
    {
        var reply = await Client.GetIngestProgressAsync(
            new GetIngestProgressRequest(),
            deadline: DateTime.UtcNow.AddSeconds(10),
            cancellationToken: cancellationToken);
        var offsets = new long[partitions];
        Array.Fill(offsets, -1L);
        foreach (var partition in reply.Partitions)
        {
            if (partition.Partition < partitions)
            {
                offsets[partition.Partition] = partition.AppliedOffset;
            }
        }

        return offsets;
    }

    public async ValueTask DisposeAsync()
    {
        _channel.Dispose();
        await _process.DisposeAsync();
    }

    private async Task WaitUntilAnsweringAsync()
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Kind} exited during start-up; see {_process.LogPath}");
            }

            try
            {
                await Client.GetIngestProgressAsync(
                    new GetIngestProgressRequest(), deadline: DateTime.UtcNow.AddSeconds(2));
                return;
            }
            catch (RpcException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }
}
