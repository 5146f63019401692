using Bandit.Grains.Arms.Storage;
using Bandit.Grains.Ranking;
using Bandit.Ranking;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bandit.Grains.Arms;

/// <inheritdoc cref="IArmShardGrain"/>
/// <remarks>
/// Why a shard owns its arms instead of one activation per post: a million activations cost ~2.3 KB each
/// before any state, and a call plus a storage write per post per batch caps ingest far below the target. Here
/// a batch is one call and one write per shard, and the ranking index lives next to the counts, so score
/// changes never travel. The arms change as copies that replace the held ones only once stored: reads that
/// interleave with a write in flight, and a write that fails, both see exactly what storage holds.
/// </remarks>
[GrainType("arm-shard")]
internal sealed class ArmShardGrain(
    IArmStore store,
    IOptions<ArmOptions> options,
    IOptions<RankingOptions> rankingOptions,
    BanditMetrics metrics,
    ILogger<ArmShardGrain> logger) : Grain, IArmShardGrain
{
    private readonly Dictionary<string, ArmState> _arms = new(StringComparer.Ordinal);
    private readonly ArmBook _book = new(rankingOptions.Value.ToBookSettings(options.Value.HalfLife));
    private long _storedVersion;

    private int Shard => (int)this.GetPrimaryKeyLong();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var stored = await store.LoadAsync(Shard, cancellationToken);
        _storedVersion = stored.Version;
        foreach (var (postId, record) in stored.Records)
        {
            var arm = ArmStateCodec.Decode(postId, record);
            _arms[postId] = arm;
            if (arm.Known && !arm.Retired)
            {
                _book.Upsert(arm.ToSnapshot());
            }
        }
    }

    /// <inheritdoc/>
    public async Task<int> ApplyAsync(ShardEventBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);

        var settings = options.Value;
        (double Alpha, double Beta, PriorSource Source)? newPostPrior = null;
        var changed = new Dictionary<string, ArmState>(batch.Posts.Length, StringComparer.Ordinal);
        var (counted, repeats) = (0, 0);
        foreach (var post in batch.Posts)
        {
            // A post twice in one batch continues from its first group's changes.
            var held = changed.GetValueOrDefault(post.PostId) ?? _arms.GetValueOrDefault(post.PostId);
            var applied = held?.AppliedOffset(batch.Partition) ?? -1;

            // Offsets only grow within a partition: anything at or below the mark was applied before.
            if (post.Events.Length == 0 || post.Events[^1].Offset <= applied)
            {
                continue;
            }

            var arm = held is null ? new ArmState(post.PostId)
                : changed.ContainsKey(post.PostId) ? held : held.Clone();
            KeepCutCopy(arm, batch.Cut, applied, post.Events);
            if (!arm.Known)
            {
                // One population-prior lookup per batch, not per new post.
                newPostPrior ??= await NewPostPriorAsync();
                arm.Known = true;
                (arm.PriorAlpha, arm.PriorBeta, arm.PriorSource) = newPostPrior.Value;
            }

            foreach (var e in post.Events)
            {
                if (e.Offset <= applied)
                {
                    continue;
                }

                applied = e.Offset;
                if (arm.IsRepeat(e.EventKey, settings.RecentEventIds))
                {
                    arm.Duplicates++;
                    repeats++;
                    continue;
                }

                arm.Count(e, settings.HalfLife);
                counted++;
            }

            arm.SetAppliedOffset(batch.Partition, applied);
            changed[post.PostId] = arm;
        }

        await CommitAsync([.. changed.Values], "batch");
        metrics.EventsApplied.Add(counted);
        if (repeats > 0)
        {
            metrics.DuplicateEvents.Add(repeats);
        }

        return counted;
    }

    /// <inheritdoc/>
    public Task<ArmSnapshot?> GetArmAsync(string postId) =>
        Task.FromResult(_arms.GetValueOrDefault(postId) is { Known: true } arm ? arm.ToSnapshot() : null);

    /// <inheritdoc/>
    public Task<bool> ContainsAsync(string postId) =>
        Task.FromResult(_arms.GetValueOrDefault(postId) is { Known: true });

    /// <inheritdoc/>
    public async Task<ArmSnapshot> RegisterAsync(string postId, ArmPrior prior)
    {
        ArgumentException.ThrowIfNullOrEmpty(postId);
        ArgumentNullException.ThrowIfNull(prior);
        if (!prior.IsValid)
        {
            throw new ArgumentOutOfRangeException(nameof(prior), prior, "Prior shapes must lie in [1e-6, 1e12].");
        }

        var arm = _arms.GetValueOrDefault(postId)?.Clone() ?? new ArmState(postId);
        arm.Known = true;
        (arm.PriorAlpha, arm.PriorBeta, arm.PriorSource) = (prior.Alpha, prior.Beta, PriorSource.Explicit);
        await CommitAsync([arm], postId);
        return arm.ToSnapshot();
    }

    /// <inheritdoc/>
    public async Task<bool> RemoveAsync(string postId)
    {
        ArgumentException.ThrowIfNullOrEmpty(postId);

        var held = _arms.GetValueOrDefault(postId);
        if (held is not { Retired: true })
        {
            var arm = held?.Clone() ?? new ArmState(postId);
            arm.Retired = true;
            await CommitAsync([arm], postId);
        }

        return held is { Known: true };
    }

    /// <inheritdoc/>
    public async Task<ArmSnapshot?> RestoreAsync(ArmSnapshot restored)
    {
        ArgumentNullException.ThrowIfNull(restored);
        if (!new ArmPrior(restored.PriorAlpha, restored.PriorBeta).IsValid)
        {
            throw new ArgumentOutOfRangeException(nameof(restored), restored, "Prior shapes must lie in [1e-6, 1e12].");
        }

        var held = _arms.GetValueOrDefault(restored.PostId);
        if (held is { AppliedOffsets.Length: > 0 })
        {
            return null;
        }

        var arm = held?.Clone() ?? new ArmState(restored.PostId);
        arm.Known = true;
        (arm.PriorAlpha, arm.PriorBeta, arm.PriorSource) =
            (restored.PriorAlpha, restored.PriorBeta, restored.PriorSource);
        (arm.Impressions, arm.Clicks, arm.LastEventTimeUnixMs) =
            (restored.Impressions, restored.Clicks, restored.LastEventTimeUnixMs);
        (arm.EvidenceImpressions, arm.EvidenceClicks) = (restored.EvidenceImpressions, restored.EvidenceClicks);
        // Retirement is moderation, not data: an import never brings a retired post back.
        arm.Retired = arm.Retired || restored.Retired;
        await CommitAsync([arm], restored.PostId);
        return arm.ToSnapshot();
    }

    /// <inheritdoc/>
    public Task<ArmAtCut> GetArmAtCutAsync(string postId, SnapshotCut cut)
    {
        ArgumentNullException.ThrowIfNull(cut);

        return Task.FromResult(_arms.GetValueOrDefault(postId) is { } arm ? AtCut(arm, cut) : new ArmAtCut(null));
    }

    /// <inheritdoc/>
    public Task<BucketAtCut> GetBucketAtCutAsync(int bucket, SnapshotCut cut)
    {
        ArgumentNullException.ThrowIfNull(cut);

        var arms = new List<ArmSnapshot>();
        foreach (var arm in _arms.Values)
        {
            if (arm.Bucket != bucket)
            {
                continue;
            }

            var atCut = AtCut(arm, cut);
            if (atCut.Superseded)
            {
                return Task.FromResult(new BucketAtCut([], Superseded: true));
            }

            if (atCut.Arm is { } known)
            {
                arms.Add(known);
            }
        }

        return Task.FromResult(new BucketAtCut([.. arms], Superseded: false));
    }

    /// <inheritdoc/>
    public Task<string[]> GetPostIdsAsync(int bucket) =>
        Task.FromResult(_arms.Values.Where(a => a.Bucket == bucket && a.Known).Select(a => a.PostId).ToArray());

    /// <inheritdoc/>
    public Task<ShardAnswer> GetTopAsync(TopKQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);

        return Task.FromResult(ShardRanking.Answer(_book, query, Shard));
    }

    /// <inheritdoc/>
    public Task<EvidenceSummary> GetEvidenceSummaryAsync(long minImpressions)
    {
        var summary = EvidenceSummary.Empty;
        foreach (var arm in _arms.Values)
        {
            if (!arm.Known || arm.Impressions < Math.Max(1, minImpressions))
            {
                continue;
            }

            // Clicks may outrun impressions for a while (they arrive separately); a rate is at most 1.
            var rate = Math.Min(1.0, (double)arm.Clicks / arm.Impressions);
            summary = summary.Add(new EvidenceSummary(1, rate, rate * rate, rate * (1.0 - rate) / arm.Impressions));
        }

        return Task.FromResult(summary);
    }

    // The arm as of the cut: its copy for that cut, or its state if it holds nothing after the cut.
    private static ArmAtCut AtCut(ArmState arm, SnapshotCut cut)
    {
        if (arm.CutCopy is { } copy && copy.CutId == cut.CutId)
        {
            return new ArmAtCut(copy.Arm);
        }

        foreach (var (partition, offset) in arm.AppliedOffsets)
        {
            if (partition >= cut.Offsets.Length || offset > cut.Offsets[partition])
            {
                return new ArmAtCut(null, Superseded: true);
            }
        }

        return new ArmAtCut(arm.Known ? arm.ToSnapshot() : null);
    }

    // Before the first record after a snapshot cut changes anything, the state as of the cut is kept.
    private static void KeepCutCopy(ArmState arm, ArmCut? cut, long appliedBefore, ArmEvent[] events)
    {
        if (cut is not null && arm.CutCopy?.CutId != cut.CutId && appliedBefore <= cut.Offset
            && events[^1].Offset > cut.Offset)
        {
            arm.CutCopy = new ArmCutCopy(cut.CutId, arm.Known ? arm.ToSnapshot() : null);
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

    // One write for every changed arm; only once it returned do memory and the ranking take the changes.
    private async Task CommitAsync(List<ArmState> changed, string what)
    {
        if (changed.Count == 0)
        {
            return;
        }

        var records = new KeyValuePair<string, byte[]>[changed.Count];
        for (var i = 0; i < changed.Count; i++)
        {
            changed[i].Version++;
            records[i] = new(changed[i].PostId, ArmStateCodec.Encode(changed[i]));
        }

        try
        {
            _storedVersion = await store.WriteAsync(Shard, _storedVersion, records);
        }
        catch (Exception ex)
        {
            metrics.StorageWriteFailures.Add(1, new KeyValuePair<string, object?>("state", "arm"));
            IngestLog.ShardWriteFailed(logger, Shard, what, changed.Count, ex);

            // Memory still holds what was stored before, but the write may have landed anyway (a timeout after
            // Redis applied it): the next activation reads storage instead of trusting this one.
            DeactivateOnIdle();
            throw;
        }

        foreach (var arm in changed)
        {
            if (_arms.TryGetValue(arm.PostId, out var held) && !ReferenceEquals(held, arm))
            {
                held.CopyFrom(arm);
            }
            else
            {
                _arms[arm.PostId] = arm;
            }

            if (arm.Retired)
            {
                _book.Remove(arm.PostId);
            }
            else if (arm.Known)
            {
                _book.Upsert(arm.ToSnapshot());
            }
        }
    }
}
