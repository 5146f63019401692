namespace Bandit.Grains;

/// <summary>
/// The empirical-Bayes prior of new posts, fitted to the arms with enough evidence across all shards and
/// reused for a configured time. Key 0.
/// </summary>
[Alias("bandit.IPopulationPriorGrain")]
public interface IPopulationPriorGrain : IGrainWithIntegerKey
{
    /// <summary>The current estimate, or <c>null</c> while too few arms have enough evidence.</summary>
    [Alias("GetAsync")]
    Task<ArmPrior?> GetAsync();
}
