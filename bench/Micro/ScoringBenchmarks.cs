using Bandit.Grains;
using Bandit.Ranking;
using BenchmarkDotNet.Attributes;

namespace Bandit.Bench.Micro;

/// <summary>
/// What an arm costs to score: the posterior mean from a snapshot, and the 0.999 quantile of its Beta that
/// Bayes-UCB and the Thompson candidate pool order by, for a young arm and for one with much evidence.
/// </summary>
public class ScoringBenchmarks
{
    private ArmSnapshot _arm = null!;

    // 20 impressions: the continued fraction's regime; 1e6: the moment expansion's.
    [Params(20, 1_000_000)]
    public int Impressions { get; set; }

    [GlobalSetup]
    public void Setup() =>
        _arm = new ArmSnapshot("a0000001", 1, 1, Impressions, Impressions / 20, 0, 1, Impressions, Impressions / 20);

    [Benchmark]
    public double PosteriorMean() => Posterior.Of(_arm, 0, null).Mean;

    [Benchmark]
    public double BetaQuantile() =>
        BetaDistribution.Quantile(_arm.Alpha, _arm.Beta, ArmBookSettings.DefaultUpperQuantile);
}
