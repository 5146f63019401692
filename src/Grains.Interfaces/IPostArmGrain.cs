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

    /// <summary>The arm's counts and posterior, or <c>null</c> when the post has never been seen.</summary>
    [Alias("GetAsync")]
    Task<ArmSnapshot?> GetAsync();
}
