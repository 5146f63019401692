namespace Bandit.Grains;

/// <summary>
/// One post of the feed, as an arm of a Beta-Bernoulli bandit. Keyed by post id.
/// </summary>
[Alias("bandit.IPostArmGrain")]
public interface IPostArmGrain : IGrainWithStringKey
{
    /// <summary>
    /// Applies the events of one delivered stream batch that concern this post, persists the result, and
    /// returns the arm as it stands afterwards. Events at or below the offset already applied for their
    /// partition are skipped, so a batch delivered again after a failure changes nothing.
    /// </summary>
    [Alias("ApplyAsync")]
    Task<ArmSnapshot> ApplyAsync(ArmEventBatch batch);

    /// <summary>
    /// The arm's counts and posterior as last persisted, or <c>null</c> when the post has never been seen.
    /// Interleaves with other calls: a ranker shard rebuilding reads arms that may be calling that shard.
    /// </summary>
    [Alias("GetAsync")]
    [Orleans.Concurrency.AlwaysInterleave]
    Task<ArmSnapshot?> GetAsync();

    /// <summary>
    /// Registers the post with an explicit prior (a new post, or a prior imported from batch analytics). The
    /// counts stay as they are; the post becomes rankable at once, even before its first event.
    /// </summary>
    [Alias("RegisterAsync")]
    Task<ArmSnapshot> RegisterAsync(ArmPrior prior);
}
