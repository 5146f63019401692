using System.Diagnostics;
using Bandit.Bench.Harness;
using Bandit.Contracts.Events.V1;
using Bandit.Contracts.Gateway.V1;
using Grpc.Core;

namespace Bandit.Bench.Measures;

/// <summary>
/// While the stream runs, produces probes that must change the top 10 by posterior mean and times from the
/// broker's acknowledgement to the first GetTopK that shows the probe. Probe j is a new post with 20 + j clicks
/// and as many impressions: its mean (21 + j) / (22 + j) is above any organic post (a few percent) and above
/// every earlier probe, so each one lands in first place.
/// </summary>
internal static class FreshnessMeasure
{
    private const int BaseClicks = 20;

    // A system that missed this many probes in a row is not keeping up; waiting out the rest tells nothing more.
    private const int MissesInARowToGiveUp = 3;

    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan PollDelay = TimeSpan.FromMilliseconds(1);
    private static readonly TimeSpan BetweenProbes = TimeSpan.FromMilliseconds(100);

    public static async Task<FreshnessResult> RunAsync(
        SystemUnderTest system,
        LiveProducer producer,
        string runId,
        int probes)
    {
        var histogram = new LatencyHistogram();
        var missed = 0;
        var missedInARow = 0;
        for (var j = 0; j < probes && missedInARow < MissesInARowToGiveUp; j++)
        {
            var postId = $"fresh-{runId}-{j:D4}";
            var acknowledged = await ProduceProbeAsync(producer, postId, BaseClicks + j);
            if (await WaitUntilShownAsync(system, postId) is { } shown)
            {
                histogram.Record(Stopwatch.GetElapsedTime(acknowledged, shown));
                missedInARow = 0;
            }
            else
            {
                missed++;
                missedInARow++;
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
