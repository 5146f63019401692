namespace Bandit.Grains;

/// <summary>How posts are scored for a ranking.</summary>
public enum RankingPolicy
{
    /// <summary>Greedy: the posterior mean.</summary>
    PosteriorMean = 1,

    /// <summary>One draw from each post's Beta posterior per request.</summary>
    ThompsonSampling = 2,
}
