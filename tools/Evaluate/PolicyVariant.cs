using Bandit.Grains;
using Bandit.Ranking;

namespace Bandit.Tools.Evaluate;

/// <summary>A named policy with its ranker settings, as a row of the report.</summary>
internal sealed record PolicyVariant(string Name, RankingPolicy Policy, ArmBookSettings Book, double Epsilon = 0.1)
{
    /// <summary>The variants the report compares, by name.</summary>
    public static IReadOnlyList<PolicyVariant> All { get; } =
    [
        new("thompson", RankingPolicy.ThompsonSampling, new ArmBookSettings()),
        new("thompson-plain", RankingPolicy.ThompsonSampling, new ArmBookSettings(ThompsonVarianceScale: 1.0)),
        new("bayes-ucb", RankingPolicy.BayesUcb, new ArmBookSettings()),
        new("greedy", RankingPolicy.PosteriorMean, new ArmBookSettings()),
        new("epsilon-greedy", RankingPolicy.EpsilonGreedy, new ArmBookSettings(), Epsilon: 0.1),
        new("uniform", RankingPolicy.UniformRandom, new ArmBookSettings()),
    ];

    /// <summary>The variant called <paramref name="name"/>; throws with the list of names otherwise.</summary>
    public static PolicyVariant Named(string name) =>
        All.FirstOrDefault(v => v.Name == name)
        ?? throw new ArgumentException(
            $"unknown policy '{name}'; choose from {string.Join(", ", All.Select(v => v.Name))}");
}
