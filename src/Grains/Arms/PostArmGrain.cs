using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bandit.Grains.Arms;

/// <inheritdoc cref="IPostArmGrain"/>
[GrainType("post-arm")]
internal sealed class PostArmGrain(
    [PersistentState("arm", BanditStorage.Name)] IPersistentState<PostArmState> state,
    IOptions<ArmOptions> options,
    BanditMetrics metrics,
    ILogger<PostArmGrain> logger) : Grain, IPostArmGrain
{
    private string PostId => this.GetPrimaryKeyString();

    /// <inheritdoc/>
    public async Task<ArmSnapshot> ApplyAsync(ArmEventBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);

        var arm = state.State;
        var applied = arm.AppliedOffsets.GetValueOrDefault(batch.Partition, -1);

        // Offsets only grow within a partition: anything at or below the mark was applied before.
        if (!batch.Events.Any(e => e.Offset > applied))
        {
            return Snapshot();
        }

        if (!arm.Known)
        {
            // Listed before it is persisted, so a ranker rebuilding after a crash can never miss it.
            var bucket = GrainFactory.GetGrain<IPostDirectoryGrain>(PostSharding.DirectoryBucketOf(PostId));
            await bucket.AddAsync(PostId);
        }

        var before = arm.Clone();
        if (!arm.Known)
        {
            arm.Known = true;
            arm.PriorAlpha = options.Value.PriorAlpha;
            arm.PriorBeta = options.Value.PriorBeta;
        }

        foreach (var e in batch.Events.Where(e => e.Offset > applied))
        {
            applied = e.Offset;
            if (IsRepeat(e.EventKey))
            {
                arm.Duplicates++;
                continue;
            }

            arm.LastEventTimeUnixMs = Math.Max(arm.LastEventTimeUnixMs, e.EventTimeUnixMs);
            if (e.Kind == ArmEventKind.Click)
            {
                arm.Clicks++;
            }
            else
            {
                arm.Impressions++;
            }
        }

        arm.AppliedOffsets[batch.Partition] = applied;
        arm.Version++;
        try
        {
            await state.WriteStateAsync();
        }
        catch (Exception ex)
        {
            metrics.StorageWriteFailures.Add(1, new KeyValuePair<string, object?>("state", "arm"));
            IngestLog.StateWriteFailed(logger, "arm", PostId, ex);

            // Not stored means not applied: the batch will come again and must find the old offsets. The
            // write may still have landed, so the next activation re-reads storage instead of trusting memory.
            state.State = before;
            DeactivateOnIdle();
            throw;
        }

        metrics.EventsApplied.Add(arm.Impressions - before.Impressions + arm.Clicks - before.Clicks);
        var repeats = state.State.Duplicates - before.Duplicates;
        if (repeats > 0)
        {
            metrics.DuplicateEvents.Add(repeats);
        }

        return Snapshot();
    }

    /// <inheritdoc/>
    public Task<ArmSnapshot?> GetAsync() => Task.FromResult(state.State.Known ? Snapshot() : null);

    // Remembers the key; true when it was already among the recent ones.
    private bool IsRepeat(ulong eventKey)
    {
        var window = options.Value.RecentEventIds;
        if (eventKey == 0 || window <= 0)
        {
            return false;
        }

        var recent = state.State.RecentEventKeys;
        if (recent.Contains(eventKey))
        {
            return true;
        }

        if (recent.Count >= window)
        {
            recent.RemoveRange(0, recent.Count - window + 1);
        }

        recent.Add(eventKey);
        return false;
    }

    private ArmSnapshot Snapshot()
    {
        var arm = state.State;
        return new ArmSnapshot(
            PostId,
            arm.PriorAlpha,
            arm.PriorBeta,
            arm.Impressions,
            arm.Clicks,
            arm.LastEventTimeUnixMs,
            arm.Version);
    }
}
