using Bandit.Grains;
using Wire = Bandit.Contracts.Gateway.V1.RankingPolicy;

namespace Bandit.Gateway.Services;

/// <summary>Maps ranking policies between the gRPC API and the grains.</summary>
internal static class RankingPolicies
{
    /// <summary>The grains' policy for a wire value other than unspecified; InvalidArgument for unknown ones.</summary>
    public static RankingPolicy FromWire(Wire policy) => policy switch
    {
        Wire.PosteriorMean => RankingPolicy.PosteriorMean,
        Wire.ThompsonSampling => RankingPolicy.ThompsonSampling,
        Wire.BayesUcb => RankingPolicy.BayesUcb,
        Wire.EpsilonGreedy => RankingPolicy.EpsilonGreedy,
        Wire.UniformRandom => RankingPolicy.UniformRandom,
        _ => throw RequestValidation.Invalid("policy", $"has unknown value {(int)policy}"),
    };

    /// <summary>The wire value of a policy.</summary>
    public static Wire ToWire(RankingPolicy policy) => policy switch
    {
        RankingPolicy.PosteriorMean => Wire.PosteriorMean,
        RankingPolicy.ThompsonSampling => Wire.ThompsonSampling,
        RankingPolicy.BayesUcb => Wire.BayesUcb,
        RankingPolicy.EpsilonGreedy => Wire.EpsilonGreedy,
        RankingPolicy.UniformRandom => Wire.UniformRandom,
        _ => throw new ArgumentOutOfRangeException(nameof(policy), policy, "Unknown ranking policy."),
    };
}
