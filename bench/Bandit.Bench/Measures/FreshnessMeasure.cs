using System.Diagnostics;
using Bandit.Bench.Harness;
using Bandit.Contracts.Events.V1;
using Bandit.Contracts.Gateway.V1;
using Grpc.Core;

namespace Bandit.Bench.Measures;

/// <summary>
/// While the stream runs, produces probes that must change the top 10 by posterior mean and times from the
/// broker's acknowledgement to the first GetTopK that shows the probe. Probe j is a new post with 200 + 5j
/// clicks and as many impressions: its posterior mean is near 1 under any plausible prior (Bandit gives new
/// posts a population prior fitted to a ~5% click rate), above every organic post and every earlier probe.
/// </summary>
internal static class FreshnessMeasure
{
    private const int BaseClicks = 200;
    private const int ClicksStep = 5;

    // A system that missed this many probes in a row is not keeping up; waiting out the rest tells nothing more.
    private const int MissesInARowToGiveUp = 3;

    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan PollDelay = TimeSpan.FromMilliseconds(1);
    private static readonly TimeSpan BetweenProbes = TimeSpan.FromMilliseconds(100);

    public static async Task<FreshnessResult> RunAsync(
        SystemUnderTest system,
        LiveProducer producer,
        string runId,
        int probes,
        Action<string> onMiss)
    {
        var histogram = new LatencyHistogram();
        var missed = 0;
        var missedInARow = 0;
        for (var j = 0; j < probes && missedInARow < MissesInARowToGiveUp; j++)
        {
            var postId = $"fresh-{runId}-{j:D4}";
            var acknowledged = await ProduceProbeAsync(producer, postId, BaseClicks + ClicksStep * j);
            if (await WaitUntilShownAsync(system, postId) is { } shown)
            {
                histogram.Record(Stopwatch.GetElapsedTime(acknowledged, shown));
                missedInARow = 0;
            }
            else
            {
                missed++;
                missedInARow++;
                onMiss(await DescribeMissAsync(system, postId));
            }

            await Task.Delay(BetweenProbes);
        }

        return new FreshnessResult(histogram.Count, missed, histogram.PercentileMs(50), histogram.PercentileMs(99));
    }

    private static async Task<long> ProduceProbeAsync(LiveProducer producer, string postId, int clicks)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var events = new List<ClickStreamEvent>(2 * clicks);
        for (var i = 0; i < clicks; i++)
        {
            foreach (var type in (ClickStreamEventType[])[ClickStreamEventType.Impression, ClickStreamEventType.Click])
            {
                events.Add(new ClickStreamEvent
                {
                    EventId = $"{postId}-{i}-{(int)type}",
                    PostId = postId,
                    Type = type,
                    EventTimeUnixMs = now,
                });
            }
        }

        await producer.ProduceAcknowledgedAsync(events);
        return Stopwatch.GetTimestamp();
    }

    // What the system holds for a probe it did not show in time, for the log.
    private static async Task<string> DescribeMissAsync(SystemUnderTest system, string postId)
    {
        try
        {
            var top = await system.Client.GetTopKAsync(
                new GetTopKRequest { K = 10, Policy = RankingPolicy.PosteriorMean },
                deadline: DateTime.UtcNow.AddSeconds(5));
            var arm = await system.Client.GetArmAsync(
                new GetArmRequest { PostId = postId }, deadline: DateTime.UtcNow.AddSeconds(5));
            return $"{postId} not in the top 10 after {ProbeTimeout.TotalSeconds:0}s: it has {arm.Impressions} "
                + $"impressions, {arm.Clicks} clicks, mean {arm.PosteriorMean:0.0000} (prior {arm.PriorAlpha:0.##}, "
                + $"{arm.PriorBeta:0.##}); the top 10 run from {top.Posts.FirstOrDefault()?.PosteriorMean:0.0000} "
                + $"to {top.Posts.LastOrDefault()?.PosteriorMean:0.0000}";
        }
        catch (RpcException ex)
        {
            return $"{postId} not in the top 10 after {ProbeTimeout.TotalSeconds:0}s "
                + $"({ex.StatusCode} on a closer look)";
        }
    }

    // Returns the timestamp of the first answer listing the post, or null at the timeout.
    private static async Task<long?> WaitUntilShownAsync(SystemUnderTest system, string postId)
    {
        var request = new GetTopKRequest { K = 10, Policy = RankingPolicy.PosteriorMean };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < ProbeTimeout)
        {
            try
            {
                var reply = await system.Client.GetTopKAsync(request, deadline: DateTime.UtcNow.AddSeconds(5));
                if (reply.Posts.Any(p => p.PostId == postId))
                {
                    return Stopwatch.GetTimestamp();
                }
            }
            catch (RpcException)
            {
                // Counted as time: the post was not shown yet.
            }

            await Task.Delay(PollDelay);
        }

        return null;
    }
}
