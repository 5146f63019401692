namespace Bandit.Grains;

/// <summary>
/// One post of the feed, as an arm of a Beta-Bernoulli bandit. Keyed by post id. Its counts are kept, and
/// persisted, by the post's <see cref="IArmShardGrain"/>; this grain is the post's own address for them.
/// </summary>
[Alias("bandit.IPostArmGrain")]
public interface IPostArmGrain : IGrainWithStringKey
{
    /// <summary>
    /// Applies events of this post, persists the result, and returns the arm as it stands afterwards. The ingest
    /// path applies whole batches to shards instead; this is the one-post form of the same operation. Events at
    /// or below the offset already applied for their partition are skipped, so a batch delivered again after a
    /// failure changes nothing.
    /// </summary>
    [Alias("ApplyAsync")]
    Task<ArmSnapshot> ApplyAsync(ArmEventBatch batch);

    /// <summary>
    /// The arm's counts and posterior as last persisted, or <c>null</c> when the post has never been seen.
    /// </summary>
    [Alias("GetAsync")]
    Task<ArmSnapshot?> GetAsync();

    /// <summary>
    /// Registers the post with an explicit prior (a new post, or a prior imported from batch analytics). The
    /// counts stay as they are; the post becomes rankable at once, even before its first event.
    /// </summary>
    [Alias("RegisterAsync")]
    Task<ArmSnapshot> RegisterAsync(ArmPrior prior);

    /// <summary>
    /// Retires the post for good: persisted, then taken out of its ranker shard. Later events still count but
    /// never bring it back into a ranking. Returns false when the post was not known yet (it is retired anyway).
    /// </summary>
    [Alias("RemoveAsync")]
    Task<bool> RemoveAsync();

    /// <summary>
    /// The arm as of a snapshot cut: the copy kept when the first record after the cut arrived, or the
    /// current state when none arrived since. Never sees a write in flight.
    /// </summary>
    [Alias("GetAtCutAsync")]
    Task<ArmAtCut> GetAtCutAsync(SnapshotCut cut);

    /// <summary>
    /// Replaces the arm with one from a snapshot (prior, counts, evidence, retirement); the version is this
    /// arm's own. Returns <c>null</c>, changing nothing, when the arm already applied records of the click
    /// topic: their offsets would not match the snapshot's.
    /// </summary>
    [Alias("RestoreAsync")]
    Task<ArmSnapshot?> RestoreAsync(ArmSnapshot arm);
}
