using System.Diagnostics;
using System.Globalization;
using Bandit.Contracts.Gateway.V1;
using Bandit.Tools.Soak;
using Grpc.Core;
using Grpc.Net.Client;

// A bounded soak: a steady event rate for a fixed time, with a report line per interval showing whether memory
// and latency stay flat. Not a benchmark of peak throughput.
if (args.Length == 0 || args.Contains("--help"))
{
    Console.WriteLine(SoakArguments.Usage);
    return args.Length == 0 ? 2 : 0;
}

SoakArguments arguments;
try
{
    arguments = SoakArguments.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine($"bandit-soak: {ex.Message}");
    return 2;
}

string[] series =
[
    "dotnet_process_memory_working_set_bytes",
    "dotnet_gc_last_collection_heap_size_bytes",
    "bandit_events_applied_total",
];
using var channel = GrpcChannel.ForAddress(arguments.Gateway);
using var http = new HttpClient();
var client = new FeedRanking.FeedRankingClient(channel);
var headers = arguments.ApiKey.Length > 0 ? new Metadata { { "x-api-key", arguments.ApiKey } } : new Metadata();
var writes = new LatencyWindow();
var reads = new LatencyWindow();
long skipped = 0;
var perTick = Math.Max(1, arguments.EventsPerSecond / 10);
// At most one second of events in flight: a server that falls behind shows as skipped sends, not as a queue here.
using var inFlight = new SemaphoreSlim(arguments.EventsPerSecond);
using var stop = new CancellationTokenSource(arguments.Duration);
var sequence = 0L;

async Task SendAsync(long n)
{
    var request = new RecordEventRequest { PostId = $"soak-{n % arguments.Posts}", Position = (int)(n % 10) };
    var clock = Stopwatch.StartNew();
    try
    {
        // One in thirty events is a click, the rest impressions.
        _ = n % 30 == 0
            ? await client.RecordClickAsync(request, headers)
            : await client.RecordImpressionAsync(request, headers);
        writes.Add(clock.Elapsed);
    }
    catch (RpcException)
    {
        writes.Fail();
    }
    finally
    {
        inFlight.Release();
    }
}

async Task LoadAsync()
{
    using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
    while (await timer.WaitForNextTickAsync(stop.Token).ConfigureAwait(false))
    {
        for (var i = 0; i < perTick; i++)
        {
            if (!inFlight.Wait(0))
            {
                Interlocked.Increment(ref skipped);
                continue;
            }

            _ = SendAsync(sequence++);
        }
    }
}

async Task ReadLoopAsync()
{
    using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
    while (await timer.WaitForNextTickAsync(stop.Token).ConfigureAwait(false))
    {
        var clock = Stopwatch.StartNew();
        try
        {
            await client.GetTopKAsync(new GetTopKRequest { K = 10 }, headers);
            reads.Add(clock.Elapsed);
        }
        catch (RpcException)
        {
            reads.Fail();
        }
    }
}

static string Format(double value, string format) =>
    double.IsNaN(value) ? "-" : value.ToString(format, CultureInfo.InvariantCulture);
static string Mib(double bytes) => Format(bytes / (1024 * 1024), "0.0");
static string Ms(double ms) => Format(ms, "0.00");

Console.WriteLine(
    $"soak: {arguments.EventsPerSecond} events/s for {arguments.Duration.TotalMinutes:0} min over "
    + $"{arguments.Posts} posts against {arguments.Gateway}");
Console.WriteLine(
    "  t(s)  sent/s  fail  skip  write p50/p99/max ms      topk p50/p99 ms  applied/s  rss MiB  ws MiB  gc heap MiB");
var load = Task.Run(LoadAsync);
var readLoop = Task.Run(ReadLoopAsync);
var started = Stopwatch.StartNew();
var lastApplied = double.NaN;
using var report = new PeriodicTimer(arguments.ReportEvery);
try
{
    while (await report.WaitForNextTickAsync(stop.Token).ConfigureAwait(false))
    {
        var w = writes.Drain();
        var r = reads.Drain();
        var metrics = await MetricsScrape.ReadAsync(http, new Uri(arguments.Web, "/metrics"), series);
        var applied = metrics["bandit_events_applied_total"];
        var appliedRate = (applied - lastApplied) / arguments.ReportEvery.TotalSeconds;
        lastApplied = applied;
        var rss = arguments.SiloPid is { } pid ? MetricsScrape.ResidentBytes(pid) : double.NaN;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{started.Elapsed.TotalSeconds,6:0} {w.Count / arguments.ReportEvery.TotalSeconds,7:0} {w.Failures,5} "
            + $"{Interlocked.Exchange(ref skipped, 0),5}  {Ms(w.P50),6}/{Ms(w.P99),6}/{Ms(w.Max),7}"
            + $"      {Ms(r.P50),6}/{Ms(r.P99),6}  {Format(appliedRate, "0"),9}"
            + $"  {Mib(rss),7}  {Mib(metrics["dotnet_process_memory_working_set_bytes"]),6}"
            + $"  {Mib(metrics["dotnet_gc_last_collection_heap_size_bytes"]),11}"));
    }
}
catch (OperationCanceledException)
{
    // The duration is over.
}
catch (HttpRequestException ex)
{
    Console.Error.WriteLine($"bandit-soak: /metrics did not answer: {ex.Message}");
    return 1;
}

try
{
    await Task.WhenAll(load, readLoop);
}
catch (OperationCanceledException)
{
    // Both loops end with the duration.
}

Console.WriteLine($"soak: done, {sequence} events sent in {started.Elapsed.TotalSeconds:0} s");
return 0;
