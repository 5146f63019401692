using Bandit.Grains;

namespace Bandit.Gateway;

/// <summary>How the gateway answers. Bound from <c>Bandit:Gateway</c>.</summary>
public sealed class GatewayOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Bandit:Gateway";

    /// <summary>The policy of GetTopK requests that name none.</summary>
    public RankingPolicy DefaultPolicy { get; set; } = RankingPolicy.ThompsonSampling;

    /// <summary>
    /// Kafka topic every served ranking is logged to (ranking id, posts, positions, policy, propensities), for
    /// off-policy evaluation; empty logs nothing.
    /// </summary>
    public string ServedRankingTopic { get; set; } = "";
}
