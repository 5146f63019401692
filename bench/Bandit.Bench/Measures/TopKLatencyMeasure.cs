using System.Diagnostics;
using Bandit.Bench.Harness;
using Bandit.Contracts.Gateway.V1;
using Grpc.Core;

namespace Bandit.Bench.Measures;

/// <summary>
/// Open-loop GetTopK at a fixed request rate: each request is sent at its scheduled time whether or not earlier
/// ones answered, and its latency counts from that schedule, so a stalled server cannot hide its queue.
/// </summary>
internal static class TopKLatencyMeasure
{
    private const int K = 10;

    // A request not answered by then counts as failed; the open loop goes on regardless.
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(5);

    public static async Task<TopKLatencyResult> RunAsync(
        SystemUnderTest system,
        RankingPolicy policy,
        double requestsPerSecond,
        TimeSpan length)
    {
        var histogram = new LatencyHistogram();
        var failures = 0L;
        var inFlight = new List<Task>();
        var total = (long)(requestsPerSecond * length.TotalSeconds);
        var clock = Stopwatch.StartNew();
        for (long i = 0; i < total; i++)
        {
            var scheduled = TimeSpan.FromSeconds(i / requestsPerSecond);
            var wait = scheduled - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait);
            }

            inFlight.Add(CallAsync(scheduled));
        }

        await Task.WhenAll(inFlight);
        return new TopKLatencyResult(
            policy, histogram.Count, failures, histogram.PercentileMs(50), histogram.PercentileMs(99));

        async Task CallAsync(TimeSpan scheduled)
        {
            try
            {
                var request = new GetTopKRequest { K = K, Policy = policy };
                await system.Client.GetTopKAsync(request, deadline: DateTime.UtcNow.Add(CallTimeout));
                histogram.Record(clock.Elapsed - scheduled);
            }
            catch (RpcException)
            {
                Interlocked.Increment(ref failures);
            }
        }
    }
}
