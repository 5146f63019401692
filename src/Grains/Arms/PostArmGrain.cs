using Bandit.Grains.Ranking;
using Bandit.Ranking;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bandit.Grains.Arms;

/// <inheritdoc cref="IPostArmGrain"/>
[GrainType("post-arm")]
internal sealed class PostArmGrain(
    [PersistentState("arm", BanditStorage.Name)] IPersistentState<PostArmState> state,
    IOptions<ArmOptions> options,
    IOptions<RankingOptions> rankingOptions,
    BanditMetrics metrics,
    ILogger<PostArmGrain> logger) : Grain, IPostArmGrain
{
    // What storage holds: reads interleave with writes in flight and must not see a state that may roll back.
    private ArmSnapshot? _persisted;

    private string PostId => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // State written before evidence was weighed separately: without decay the weights are the counts.
        var arm = state.State;
        if (arm.Known && arm.EvidenceImpressions == 0 && arm.EvidenceClicks == 0)
        {
            arm.EvidenceImpressions = arm.Impressions;
            arm.EvidenceClicks = arm.Clicks;
        }

        _persisted = arm.Known ? Snapshot() : null;
        return Task.CompletedTask;
    }

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

        var firstSeen = !arm.Known;
        (double Alpha, double Beta, PriorSource Source)? prior = firstSeen ? await NewPostPriorAsync() : null;
        if (firstSeen)
        {
            // Listed before it is persisted, so a ranker rebuilding after a crash can never miss it.
            await ListInDirectoryAsync();
        }

        var before = arm.Clone();
        KeepCutCopy(batch, applied);
        if (prior is { } p)
        {
            arm.Known = true;
            (arm.PriorAlpha, arm.PriorBeta, arm.PriorSource) = p;
        }

        foreach (var e in batch.Events.Where(e => e.Offset > applied))
        {
            applied = e.Offset;
            if (IsRepeat(e.EventKey))
            {
                arm.Duplicates++;
                continue;
            }

            Count(e);
        }

        arm.AppliedOffsets[batch.Partition] = applied;
        await WriteAsync(before);

        metrics.EventsApplied.Add(arm.Impressions - before.Impressions + arm.Clicks - before.Clicks);
        var repeats = state.State.Duplicates - before.Duplicates;
        if (repeats > 0)
        {
            metrics.DuplicateEvents.Add(repeats);
        }

        return Snapshot();
    }

    /// <inheritdoc/>
    public async Task<ArmSnapshot> RegisterAsync(ArmPrior prior)
    {
        ArgumentNullException.ThrowIfNull(prior);
        if (!prior.IsValid)
        {
            throw new ArgumentOutOfRangeException(nameof(prior), prior, "Prior shapes must lie in [1e-6, 1e12].");
        }

        var arm = state.State;
        if (!arm.Known)
        {
            await ListInDirectoryAsync();
        }

        var before = arm.Clone();
        arm.Known = true;
        (arm.PriorAlpha, arm.PriorBeta, arm.PriorSource) = (prior.Alpha, prior.Beta, PriorSource.Explicit);
        await WriteAsync(before);

        // Events reach the rankers through the ingest path; a registration has no such path.
        var snapshot = Snapshot();
        var shard = PostSharding.ShardOf(PostId, rankingOptions.Value.ShardCount);
        await GrainFactory.GetGrain<IRankerShardGrain>(shard).UpdateAsync([snapshot]);
        return snapshot;
    }

    /// <inheritdoc/>
    public Task<ArmSnapshot?> GetAsync() => Task.FromResult(_persisted);

    /// <inheritdoc/>
    public async Task<bool> RemoveAsync()
    {
        var arm = state.State;
        if (!arm.Retired)
        {
            var before = arm.Clone();
            arm.Retired = true;
            await WriteAsync(before);
        }

        // Also when already retired: a shard that missed the first call learns it now.
        var shard = PostSharding.ShardOf(PostId, rankingOptions.Value.ShardCount);
        await GrainFactory.GetGrain<IRankerShardGrain>(shard).RemoveAsync(PostId);
        return arm.Known;
    }

    /// <inheritdoc/>
    public Task<ArmAtCut> GetAtCutAsync(SnapshotCut cut)
    {
        ArgumentNullException.ThrowIfNull(cut);

        var arm = state.State;
        if (arm.CutCopy is { } copy && copy.CutId == cut.CutId)
        {
            return Task.FromResult(new ArmAtCut(copy.Arm));
        }

        // No copy for this cut: the state is as of the cut only if it holds nothing after it.
        foreach (var (partition, offset) in arm.AppliedOffsets)
        {
            if (partition >= cut.Offsets.Length || offset > cut.Offsets[partition])
            {
                return Task.FromResult(new ArmAtCut(null, Superseded: true));
            }
        }

        return Task.FromResult(new ArmAtCut(arm.Known ? Snapshot() : null));
    }

    /// <inheritdoc/>
    public async Task<ArmSnapshot?> RestoreAsync(ArmSnapshot restored)
    {
        ArgumentNullException.ThrowIfNull(restored);
        if (!new ArmPrior(restored.PriorAlpha, restored.PriorBeta).IsValid)
        {
            throw new ArgumentOutOfRangeException(nameof(restored), restored, "Prior shapes must lie in [1e-6, 1e12].");
        }

        var arm = state.State;
        if (arm.AppliedOffsets.Count > 0)
        {
            return null;
        }

        if (!arm.Known)
        {
            await ListInDirectoryAsync();
        }

        var before = arm.Clone();
        arm.Known = true;
        (arm.PriorAlpha, arm.PriorBeta, arm.PriorSource) =
            (restored.PriorAlpha, restored.PriorBeta, restored.PriorSource);
        (arm.Impressions, arm.Clicks, arm.LastEventTimeUnixMs) =
            (restored.Impressions, restored.Clicks, restored.LastEventTimeUnixMs);
        (arm.EvidenceImpressions, arm.EvidenceClicks) = (restored.EvidenceImpressions, restored.EvidenceClicks);
        // Retirement is moderation, not data: an import never brings a retired post back.
        arm.Retired = arm.Retired || restored.Retired;
        await WriteAsync(before);

        var snapshot = Snapshot();
        var shard = GrainFactory.GetGrain<IRankerShardGrain>(
            PostSharding.ShardOf(PostId, rankingOptions.Value.ShardCount));
        await (snapshot.Retired ? shard.RemoveAsync(PostId) : shard.UpdateAsync([snapshot]));
        return snapshot;
    }

    // Before the first record after a snapshot cut changes anything, the state as of the cut is kept.
    private void KeepCutCopy(ArmEventBatch batch, long appliedBefore)
    {
        var arm = state.State;
        if (batch.Cut is { } cut && arm.CutCopy?.CutId != cut.CutId && appliedBefore <= cut.Offset
            && batch.Events.Any(e => e.Offset > cut.Offset))
        {
            arm.CutCopy = new ArmCutCopy(cut.CutId, arm.Known ? Snapshot() : null);
        }
    }

    private async Task<(double Alpha, double Beta, PriorSource Source)> NewPostPriorAsync()
    {
        var settings = options.Value;
        if (settings.PopulationPrior.Enabled
            && await GrainFactory.GetGrain<IPopulationPriorGrain>(0).GetAsync() is { } population)
        {
            return (population.Alpha, population.Beta, PriorSource.Population);
        }

        return (settings.PriorAlpha, settings.PriorBeta, PriorSource.Default);
    }

    private Task ListInDirectoryAsync() =>
        GrainFactory.GetGrain<IPostDirectoryGrain>(PostSharding.DirectoryBucketOf(PostId)).AddAsync(PostId);

    // Counts one event exactly, and weighs it by age for the posterior (see WeighedEvidence).
    private void Count(ArmEvent e)
    {
        var arm = state.State;
        var isClick = e.Kind == ArmEventKind.Click;
        var evidence = new WeighedEvidence(arm.EvidenceImpressions, arm.EvidenceClicks, arm.LastEventTimeUnixMs)
            .Add(e.EventTimeUnixMs, isClick, options.Value.HalfLife);
        (arm.EvidenceImpressions, arm.EvidenceClicks, arm.LastEventTimeUnixMs) = evidence;
        if (isClick)
        {
            arm.Clicks++;
        }
        else
        {
            arm.Impressions++;
        }
    }

    private async Task WriteAsync(PostArmState before)
    {
        state.State.Version++;
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

        _persisted = Snapshot();
    }

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
            arm.Version,
            arm.EvidenceImpressions,
            arm.EvidenceClicks,
            arm.PriorSource,
            arm.Retired);
    }
}
