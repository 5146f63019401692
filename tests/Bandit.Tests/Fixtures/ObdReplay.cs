using Bandit.ClickLogs;
using Bandit.Contracts.Gateway.V1;
using Grpc.Core;

namespace Bandit.Tests.Fixtures;

/// <summary>
/// The four Open Bandit Dataset logs as one replay of 40,000 rows (about 40,200 events) into a new topic,
/// each log under a post id prefix of its own, published log by log so that a test can put a fault between
/// or during them; and the counts every arm must end with, computed from the CSV by <see cref="ObdLog"/>.
/// </summary>
internal sealed class ObdReplay(string bootstrapServers, string topic)
{
    private static readonly Lazy<Dictionary<string, (long Impressions, long Clicks)>> Truth = new(CountAll);
    private static readonly TimeSpan ProbeInterval = TimeSpan.FromMilliseconds(5);
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);

    private readonly ClickLogPublisher _publisher = new(bootstrapServers, topic);
    private readonly Dictionary<int, long> _lastOffsets = [];
    private long _published;

    /// <summary>Impressions and clicks per post over all four logs.</summary>
    public static IReadOnlyDictionary<string, (long Impressions, long Clicks)> Expected => Truth.Value;

    public static long ExpectedEvents => Expected.Values.Sum(c => c.Impressions + c.Clicks);

    /// <summary>Events the broker acknowledged so far.</summary>
    public long Published => Interlocked.Read(ref _published);

    /// <summary>The highest acknowledged offset per partition, over everything published so far.</summary>
    public IReadOnlyDictionary<int, long> LastOffsets
    {
        get
        {
            lock (_lastOffsets)
            {
                return new Dictionary<int, long>(_lastOffsets);
            }
        }
    }

    public static string PrefixOf(int log) => $"log{log}-";

    /// <summary>Events (impressions and clicks) the given logs hold.</summary>
    public static long EventsOf(params int[] logs) => Expected
        .Where(e => logs.Any(log => e.Key.StartsWith(PrefixOf(log), StringComparison.Ordinal)))
        .Sum(e => e.Value.Impressions + e.Value.Clicks);

    /// <summary>Publishes the given logs in order, off the test thread, until all is acknowledged.</summary>
    public Task PublishAsync(params int[] logs) => Task.Run(() =>
    {
        foreach (var log in logs)
        {
            Publish(log);
        }
    });

    /// <summary>
    /// Events applied so far: the topic is new, so a partition's applied offset + 1 is what it applied.
    /// -1 while the gateway does not answer.
    /// </summary>
    public static async Task<long> AppliedAsync(FeedRanking.FeedRankingClient client)
    {
        ArgumentNullException.ThrowIfNull(client);

        try
        {
            var progress = await client.GetIngestProgressAsync(
                new GetIngestProgressRequest(),
                deadline: DateTime.UtcNow + ProbeTimeout);
            return progress.Partitions.Sum(p => p.AppliedOffset + 1);
        }
        catch (RpcException)
        {
            return -1;
        }
    }

    /// <summary>
    /// Waits until at least <paramref name="atLeast"/> events are applied and returns how many. It probes
    /// every few milliseconds: a silo applies each pull in a burst of about 100 ms, and a fault meant to
    /// strike during one must not miss it.
    /// </summary>
    public static async Task<long> WaitAppliedAsync(
        FeedRanking.FeedRankingClient client,
        long atLeast,
        TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var applied = await AppliedAsync(client);
            if (applied >= atLeast)
            {
                return applied;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException(
                    $"{atLeast} events not applied within {timeout.TotalSeconds:0}s; last count: {applied}");
            }

            await Task.Delay(ProbeInterval);
        }
    }

    /// <summary>Every arm and the whole ranking hold the logs' exact counts: none lost or doubled.</summary>
    public static async Task AssertArmsMatchAsync(FeedRanking.FeedRankingClient client)
    {
        ArgumentNullException.ThrowIfNull(client);

        foreach (var (postId, counts) in Expected)
        {
            var arm = await client.GetArmAsync(new GetArmRequest { PostId = postId });
            Assert.Equal(
                (postId, counts.Impressions, counts.Clicks),
                (arm.PostId, arm.Impressions, arm.Clicks));
        }

        // The ranker shards are fed apart from the arms, and rebuilt from them after a crash.
        var ranking = await client.GetTopKAsync(
            new GetTopKRequest { K = 1000, Policy = RankingPolicy.PosteriorMean });
        Assert.Equal(
            Expected.Select(e => (e.Key, e.Value.Impressions, e.Value.Clicks)).Order(),
            ranking.Posts.Select(p => (p.PostId, p.Impressions, p.Clicks)).Order());
    }

    private void Publish(int log)
    {
        var rows = ClickLogReader.Read(ObdLog.PathOf(ObdLog.Files[log]), PrefixOf(log));
        var summary = _publisher.Publish(rows, runId: $"{topic}-{log}");
        if (summary.Progress.Failed > 0 || summary.Progress.Acknowledged != summary.Progress.Produced)
        {
            throw new InvalidOperationException(
                $"publishing {ObdLog.Files[log]} did not complete: {summary.Progress}");
        }

        lock (_lastOffsets)
        {
            foreach (var (partition, offset) in summary.LastOffsets)
            {
                _lastOffsets[partition] = Math.Max(offset, _lastOffsets.GetValueOrDefault(partition, -1));
            }
        }

        Interlocked.Add(ref _published, summary.Progress.Acknowledged);
    }

    private static Dictionary<string, (long Impressions, long Clicks)> CountAll()
    {
        var all = new Dictionary<string, (long Impressions, long Clicks)>(StringComparer.Ordinal);
        for (var log = 0; log < ObdLog.Files.Length; log++)
        {
            foreach (var (item, counts) in ObdLog.Count(ObdLog.Files[log]))
            {
                all.Add(PrefixOf(log) + item, counts);
            }
        }

        return all;
    }
}
