using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Bandit.Grains.Ranking;
using Orleans.Streams;
using Orleans.Streams.Core;

namespace Bandit.Grains.Ingest;

/// <summary>
/// Consumes one partition's stream: groups each batch by shard and post, and applies each shard's part with
/// one call (one storage write per shard per batch; the shard ranks its arms itself).
/// The batch counts as delivered only when all of that is done, which is what lets the provider commit.
/// </summary>
[ImplicitStreamSubscription(ClickStreamNames.Namespace)]
[GrainType("partition-ingest")]
internal sealed class PartitionIngestGrain(
    [PersistentState("ingest", BanditStorage.Name)] IPersistentState<IngestProgressState> progress,
    IOptions<RankingOptions> rankingOptions,
    IDeadLetterSink deadLetters,
    BanditMetrics metrics,
    ILogger<PartitionIngestGrain> logger)
    : Grain, IPartitionIngestGrain, IStreamSubscriptionObserver, IAsyncObserver<ClickEventBatch>
{
    /// <inheritdoc/>
    public Task<long> GetAppliedOffsetAsync() => Task.FromResult(progress.State.AppliedOffset);

    /// <inheritdoc/>
    public async Task<long> BeginCutAsync(string cutId)
    {
        ArgumentException.ThrowIfNullOrEmpty(cutId);

        // Runs between batches (this grain does not interleave), so the applied offset is a clean cut.
        var (oldId, oldOffset) = (progress.State.CutId, progress.State.CutOffset);
        (progress.State.CutId, progress.State.CutOffset) = (cutId, progress.State.AppliedOffset);
        try
        {
            await progress.WriteStateAsync();
        }
        catch
        {
            (progress.State.CutId, progress.State.CutOffset) = (oldId, oldOffset);
            DeactivateOnIdle();
            throw;
        }

        return progress.State.CutOffset;
    }

    public Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory) =>
        handleFactory.Create<ClickEventBatch>().ResumeAsync(this);

    public async Task OnNextAsync(ClickEventBatch item, StreamSequenceToken? token = null)
    {
        try
        {
            await ApplyAsync(item);
        }
        catch (Exception ex)
        {
            // Orleans delivers the batch again; a partition whose failures keep counting is stuck.
            metrics.BatchFailures.Add(1, new KeyValuePair<string, object?>("partition", item.Partition));
            IngestLog.BatchFailed(logger, item.Partition, item.LastOffset, ex);
            throw;
        }
    }

    private async Task ApplyAsync(ClickEventBatch item)
    {
        var applied = progress.State.AppliedOffset;
        if (item.LastOffset <= applied)
        {
            return;
        }

        var refused = item.Rejected.Where(r => r.Offset > applied).ToList();
        if (refused.Count > 0)
        {
            await deadLetters.PublishAsync(item.Partition, refused);
            metrics.DeadLetters.Add(refused.Count);
            IngestLog.DeadLettered(logger, refused.Count, item.Partition);
        }

        var cut = progress.State.CutId is { Length: > 0 } cutId ? new ArmCut(cutId, progress.State.CutOffset) : null;
        var shardCount = rankingOptions.Value.ShardCount;
        await Task.WhenAll(GroupByShard(item, applied, shardCount)
            .Select(g => GrainFactory.GetGrain<IArmShardGrain>(g.Shard)
                .ApplyAsync(new ShardEventBatch(item.Partition, g.Posts, cut))));

        progress.State.NextOffset = item.LastOffset + 1;
        try
        {
            await progress.WriteStateAsync();
        }
        catch (Exception ex)
        {
            metrics.StorageWriteFailures.Add(1, new KeyValuePair<string, object?>("state", "ingest"));
            IngestLog.StateWriteFailed(logger, "ingest", this.GetPrimaryKeyString(), ex);
            // Until it is stored the batch is not done: a redelivery must not take the early return above.
            progress.State.NextOffset = applied + 1;
            DeactivateOnIdle();
            throw;
        }
    }

    // The batch's new events by shard, and within a shard by post, each post's events in offset order.
    private static IEnumerable<(int Shard, PostEvents[] Posts)> GroupByShard(
        ClickEventBatch item, long applied, int shardCount)
    {
        var byPost = new Dictionary<string, List<ArmEvent>>(StringComparer.Ordinal);
        foreach (var e in item.Events)
        {
            if (e.Offset <= applied)
            {
                continue;
            }

            if (!byPost.TryGetValue(e.PostId, out var events))
            {
                byPost[e.PostId] = events = [];
            }

            events.Add(new ArmEvent(e.Offset, e.Kind, e.EventTimeUnixMs, e.EventKey));
        }

        return byPost
            .GroupBy(p => PostSharding.ShardOf(p.Key, shardCount))
            .Select(g => (g.Key, g.Select(p => new PostEvents(p.Key, [.. p.Value])).ToArray()));
    }

    public Task OnCompletedAsync() => Task.CompletedTask;

    public Task OnErrorAsync(Exception ex) => Task.CompletedTask;
}
