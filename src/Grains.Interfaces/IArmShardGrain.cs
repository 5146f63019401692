using Orleans.Concurrency;

namespace Bandit.Grains;

/// <summary>
/// Owns the arms of every post whose id hashes to one shard (see <see cref="PostSharding"/>): their counts,
/// their persisted state and their ranking. Keyed by shard index. A batch of events costs one call and one
/// storage write per shard, however many posts it touches.
/// </summary>
/// <remarks>
/// Reads interleave with a write in flight and see only what storage already holds: a change becomes visible
/// in memory, and in the ranking, only once its write returned.
/// </remarks>
[Alias("bandit.IArmShardGrain")]
public interface IArmShardGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Applies one delivered batch's events for this shard's posts and persists them in one write. Events at or
    /// below the offset a post already applied for the partition are skipped, so a batch delivered again after a
    /// failure changes nothing. Returns the number of events counted (not skipped, not repeats).
    /// </summary>
    [Alias("ApplyAsync")]
    Task<int> ApplyAsync(ShardEventBatch batch);

    /// <summary>The arm as persisted, or <c>null</c> when the post has never been seen.</summary>
    [Alias("GetArmAsync")]
    [AlwaysInterleave]
    Task<ArmSnapshot?> GetArmAsync(string postId);

    /// <summary>Whether the post is known (it had an event, a registration or an import).</summary>
    [Alias("ContainsAsync")]
    [AlwaysInterleave]
    Task<bool> ContainsAsync(string postId);

    /// <summary>
    /// Registers a post with an explicit prior; the counts stay as they are and the post is rankable at once.
    /// </summary>
    [Alias("RegisterAsync")]
    Task<ArmSnapshot> RegisterAsync(string postId, ArmPrior prior);

    /// <summary>
    /// Retires a post for good: later events still count but never bring it back into a ranking. Returns false
    /// when the post was not known yet (it is retired anyway).
    /// </summary>
    [Alias("RemoveAsync")]
    Task<bool> RemoveAsync(string postId);

    /// <summary>
    /// Replaces an arm with one from a snapshot (prior, counts, evidence, retirement). Returns <c>null</c>,
    /// changing nothing, when the arm already applied records of the click topic.
    /// </summary>
    [Alias("RestoreAsync")]
    Task<ArmSnapshot?> RestoreAsync(ArmSnapshot arm);

    /// <summary>One post's arm as of a snapshot cut.</summary>
    [Alias("GetArmAtCutAsync")]
    [AlwaysInterleave]
    Task<ArmAtCut> GetArmAtCutAsync(string postId, SnapshotCut cut);

    /// <summary>Every arm of one directory bucket (owned by this shard) as of a snapshot cut.</summary>
    [Alias("GetBucketAtCutAsync")]
    [AlwaysInterleave]
    Task<BucketAtCut> GetBucketAtCutAsync(int bucket, SnapshotCut cut);

    /// <summary>Ids of the known posts of one directory bucket owned by this shard.</summary>
    [Alias("GetPostIdsAsync")]
    [AlwaysInterleave]
    Task<string[]> GetPostIdsAsync(int bucket);

    /// <summary>This shard's part of a ranking under the query's policy; randomized policies need a seed.</summary>
    [Alias("GetTopAsync")]
    [AlwaysInterleave]
    Task<ShardAnswer> GetTopAsync(TopKQuery query);

    /// <summary>Click-rate statistics of this shard's arms with at least <paramref name="minImpressions"/>.</summary>
    [Alias("GetEvidenceSummaryAsync")]
    [AlwaysInterleave]
    Task<EvidenceSummary> GetEvidenceSummaryAsync(long minImpressions);
}
