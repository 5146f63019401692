using Bandit.Grains;
using Bandit.Ranking;
using Bandit.Tests.Fixtures;
using Bandit.Tools.Evaluate;

namespace Bandit.Tests.Ranking;

/// <summary>A short run of the simulator on the real ZOZOTOWN click rates; the full run is a command.</summary>
public sealed class FeedSimulatorTests
{
    private static readonly double[] Rates =
        CampaignPriors.ClickRates(ObdLog.PathOf("prior_bts.yaml"), "all");

    [Fact]
    public void CampaignAll_HasEightyPostsAndTheOracleLiftThePaperImplies()
    {
        var oracle = Rates.OrderDescending().Take(3).Average();

        Assert.Equal(80, Rates.Length);
        Assert.Equal(1.516, oracle / Rates.Average(), 3);
    }

    [Fact]
    public void Thompson_FromAPopulationPrior_BeatsUniformAndGreedy()
    {
        // Arrange: every post starts from a prior at the typical click rate, as new posts do once the
        // population prior is known. Greedy then keeps showing whatever got the first clicks.
        var prior = ArmPrior.FromRate(0.0033, 150);
        var regret = new Dictionary<RankingPolicy, double>();

        // Act: 600,000 impressions, two seeds each.
        foreach (var policy in new[] { RankingPolicy.ThompsonSampling, RankingPolicy.PosteriorMean,
                     RankingPolicy.UniformRandom })
        {
            regret[policy] = Enumerable.Range(1, 2).Average(seed => FeedSimulator.Run(Rates, new SimulationSettings(
                policy, 600_000, [600_000], (ulong)seed, new ArmBookSettings(), Prior: prior))[0].Regret);
        }

        // Assert: uniform loses about 0.0016 * 600,000 = 983 clicks; Thompson sampling clearly less than both.
        Assert.InRange(regret[RankingPolicy.UniformRandom], 950, 1020);
        Assert.True(
            regret[RankingPolicy.ThompsonSampling] < 0.8 * regret[RankingPolicy.PosteriorMean],
            $"Thompson {regret[RankingPolicy.ThompsonSampling]:F0} vs greedy {regret[RankingPolicy.PosteriorMean]:F0}");
        Assert.True(regret[RankingPolicy.ThompsonSampling] < 0.5 * regret[RankingPolicy.UniformRandom]);
    }
}
