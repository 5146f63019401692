using Bandit.Contracts.Events.V1;
using Bandit.Ranking;
using Google.Protobuf;

namespace Bandit.Tools.Report;

/// <summary>
/// Turns the click and served-ranking topics into time series. Counts are rebuilt exactly as the arms count
/// (alpha = prior alpha + clicks, beta = prior beta + max(0, impressions - clicks)), without decay, with each
/// post's prior from the snapshot when one is given and Beta(1, 1) otherwise.
/// </summary>
internal static class ReportAnalysis
{
    private sealed record Event(string PostId, bool Click, long EventTimeUnixMs, long AppendTimeUnixMs);

    private sealed class Counts
    {
        public long Impressions;
        public long Clicks;
    }

    public static ReportData Analyze(
        IReadOnlyList<TopicRecord> clickRecords,
        long[] clickTopicEnds,
        IReadOnlyList<TopicRecord> servedRecords,
        IReadOnlyDictionary<string, (double Alpha, double Beta)> priors,
        int top,
        int buckets)
    {
        var data = new ReportData { Records = clickRecords.Count, ClickTopicEnds = clickTopicEnds };
        var events = new List<Event>(clickRecords.Count);
        foreach (var record in clickRecords)
        {
            if (Decode(record) is { } e)
            {
                events.Add(e);
            }
            else
            {
                data.Unreadable++;
            }
        }

        data.Impressions = events.LongCount(e => !e.Click);
        data.Clicks = events.Count - data.Impressions;
        data.Posts = events.Select(e => e.PostId).Distinct(StringComparer.Ordinal).Count();
        if (events.Count == 0)
        {
            return data;
        }

        (double Alpha, double Beta) PriorOf(string id) => priors.TryGetValue(id, out var p) ? p : (1.0, 1.0);

        // Event time: the CTR and who led, as the log tells it.
        events.Sort((a, b) => a.EventTimeUnixMs.CompareTo(b.EventTimeUnixMs));
        var counts = new Dictionary<string, Counts>(StringComparer.Ordinal);
        var (first, last) = (events[0].EventTimeUnixMs, events[^1].EventTimeUnixMs);
        var width = Math.Max(1, (last - first) / buckets + 1);
        var i = 0;
        for (var start = first; start <= last; start += width)
        {
            long impressions = 0, clicks = 0;
            for (; i < events.Count && events[i].EventTimeUnixMs < start + width; i++)
            {
                Count(counts, events[i]);
                (impressions, clicks) = events[i].Click ? (impressions, clicks + 1) : (impressions + 1, clicks);
            }

            data.CtrOverTime.Add((start, impressions == 0 ? double.NaN : (double)clicks / impressions, impressions));
            data.TopOverTime.Add((start + width, Greedy(counts, PriorOf, top)));
        }

        foreach (var id in Greedy(counts, PriorOf, top))
        {
            var c = counts[id];
            var (a, b) = Posterior(PriorOf(id), c);
            data.Leaders.Add((id, a / (a + b), Quantile(a, b, 0.025), Quantile(a, b, 0.975), c.Impressions, c.Clicks));
        }

        data.LeadersSource = priors.Count > 0
            ? "counts rebuilt from the click topic on the snapshot's priors"
            : "counts rebuilt from the click topic on Beta(1, 1) priors";
        AnalyzeExploration(data, events, servedRecords, PriorOf, buckets);
        return data;
    }

    // Served time: each served slot against the greedy ranking of the records the broker had by then.
    private static void AnalyzeExploration(
        ReportData data,
        List<Event> events,
        IReadOnlyList<TopicRecord> servedRecords,
        Func<string, (double Alpha, double Beta)> priorOf,
        int buckets)
    {
        var served = servedRecords.Select(r => TryParse(r.Value)).OfType<ServedRanking>()
            .OrderBy(s => s.ServedTimeUnixMs).ToList();
        data.ServedRankings = served.Count;
        if (served.Count == 0)
        {
            return;
        }

        events.Sort((a, b) => a.AppendTimeUnixMs.CompareTo(b.AppendTimeUnixMs));
        var counts = new Dictionary<string, Counts>(StringComparer.Ordinal);
        var (first, last) = (served[0].ServedTimeUnixMs, served[^1].ServedTimeUnixMs);
        var width = Math.Max(1, (last - first) / buckets + 1);
        int e = 0, s = 0;
        for (var start = first; start <= last; start += width)
        {
            // One greedy ranking per bucket, as of its start: the cost stays linear in the served rankings.
            for (; e < events.Count && events[e].AppendTimeUnixMs <= start; e++)
            {
                Count(counts, events[e]);
            }

            var depth = served.Skip(s).TakeWhile(r => r.ServedTimeUnixMs < start + width).Select(r => r.Posts.Count)
                .DefaultIfEmpty(0).Max();
            var greedy = Greedy(counts, priorOf, depth);
            long exploited = 0, explored = 0;
            for (; s < served.Count && served[s].ServedTimeUnixMs < start + width; s++)
            {
                foreach (var post in served[s].Posts)
                {
                    var slot = post.Position - 1;
                    if (slot < 0 || slot >= greedy.Length)
                    {
                        continue;
                    }

                    (exploited, explored) = greedy[slot] == post.PostId
                        ? (exploited + 1, explored)
                        : (exploited, explored + 1);
                }
            }

            data.ExplorationOverTime.Add((start, exploited, explored));
        }
    }

    private static Event? Decode(TopicRecord record)
    {
        try
        {
            var e = ClickStreamEvent.Parser.ParseFrom(record.Value);
            return e.Type is ClickStreamEventType.Impression or ClickStreamEventType.Click && e.PostId.Length > 0
                ? new Event(e.PostId, e.Type == ClickStreamEventType.Click, e.EventTimeUnixMs, record.AppendTimeUnixMs)
                : null;
        }
        catch (InvalidProtocolBufferException)
        {
            return null;
        }
    }

    private static ServedRanking? TryParse(byte[] value)
    {
        try
        {
            return ServedRanking.Parser.ParseFrom(value);
        }
        catch (InvalidProtocolBufferException)
        {
            return null;
        }
    }

    private static void Count(Dictionary<string, Counts> counts, Event e)
    {
        if (!counts.TryGetValue(e.PostId, out var c))
        {
            counts[e.PostId] = c = new Counts();
        }

        if (e.Click)
        {
            c.Clicks++;
        }
        else
        {
            c.Impressions++;
        }
    }

    private static (double Alpha, double Beta) Posterior((double Alpha, double Beta) prior, Counts c) =>
        (prior.Alpha + c.Clicks, prior.Beta + Math.Max(0, c.Impressions - c.Clicks));

    // Posterior mean, highest first; ties by post id, as the service breaks them.
    private static string[] Greedy(
        Dictionary<string, Counts> counts,
        Func<string, (double Alpha, double Beta)> priorOf,
        int k) =>
        [
            .. counts.Select(kv =>
                {
                    var (a, b) = Posterior(priorOf(kv.Key), kv.Value);
                    return (Id: kv.Key, Mean: a / (a + b));
                })
                .OrderByDescending(x => x.Mean).ThenBy(x => x.Id, StringComparer.Ordinal).Take(k).Select(x => x.Id),
        ];

    private static double Quantile(double alpha, double beta, double p) => BetaDistribution.Quantile(
        Math.Clamp(alpha, BetaDistribution.MinShape, BetaDistribution.MaxShape),
        Math.Clamp(beta, BetaDistribution.MinShape, BetaDistribution.MaxShape),
        p);
}
