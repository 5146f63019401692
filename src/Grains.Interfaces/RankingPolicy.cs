namespace Bandit.Grains;

/// <summary>How posts are scored for a ranking.</summary>
public enum RankingPolicy
{
    /// <summary>Greedy: the posterior mean. Deterministic; no exploration.</summary>
    PosteriorMean = 1,

    /// <summary>One draw from each candidate's Beta posterior per request.</summary>
    ThompsonSampling = 2,

    /// <summary>An upper quantile of each Beta posterior (Bayes-UCB): optimism in proportion to doubt.</summary>
    BayesUcb = 3,

    /// <summary>Each slot is the greedy choice, or with probability epsilon a uniformly random post.</summary>
    EpsilonGreedy = 4,

    /// <summary>Posts drawn uniformly at random: the baseline, and a logging policy for offline evaluation.</summary>
    UniformRandom = 5,
}
