namespace Bandit.Grains.Arms;

/// <summary>
/// Empirical Bayes for cold start. Bound from <c>Bandit:Arms:PopulationPrior</c>: a post seen for the first
/// time without a registered prior starts from a Beta fitted to the click rates of the posts with enough
/// evidence, so it starts near a typical post: not flooding the feed, not vanishing from it.
/// </summary>
public sealed class PopulationPriorOptions
{
    /// <summary>Default <see cref="MinArms"/>.</summary>
    public const int DefaultMinArms = 20;

    /// <summary>Default <see cref="MinImpressions"/>.</summary>
    public const long DefaultMinImpressions = 100;

    /// <summary>Default <see cref="MaxStrength"/>.</summary>
    public const double DefaultMaxStrength = 1000;

    /// <summary>False uses the configured default prior for every new post.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Posts with enough evidence needed before the estimate is used.</summary>
    public int MinArms { get; set; } = DefaultMinArms;

    /// <summary>Impressions a post needs to count as having enough evidence.</summary>
    public long MinImpressions { get; set; } = DefaultMinImpressions;

    /// <summary>
    /// Upper bound of alpha + beta: a prior worth at most this many impressions, so a new post can still
    /// prove itself quickly when the population looks very uniform.
    /// </summary>
    public double MaxStrength { get; set; } = DefaultMaxStrength;

    /// <summary>How long an estimate is reused before it is computed again.</summary>
    public TimeSpan Refresh { get; set; } = TimeSpan.FromSeconds(30);
}
