using System.Diagnostics;
using Bandit.Ranking;
using CsCheck;

namespace Bandit.Tests.Ranking;

public sealed class BetaDistributionTests
{
    // Shapes spread evenly in log space over the whole specified range, 1e-6 to 1e12.
    private static readonly Gen<double> Shape = Gen.Double[-6.0, 12.0].Select(e => Math.Pow(10.0, e));
    private static readonly Gen<double> Level = Gen.Double[1e-9, 1.0 - 1e-9];

    [Fact]
    public void Quantile_AnyShapesAndLevel_IsFiniteInUnitIntervalAndFast()
    {
        Gen.Select(Shape, Shape, Level).Sample((alpha, beta, p) =>
        {
            var clock = Stopwatch.StartNew();
            var q = BetaDistribution.Quantile(alpha, beta, p);
            var elapsed = clock.Elapsed;

            // Bounded work (at most 100 search steps of at most 3,000 fraction terms): ~15 ms at worst here,
            // so a second leaves room for a busy CI machine, while a hang would take forever.
            return double.IsFinite(q) && q is >= 0.0 and <= 1.0 && elapsed < TimeSpan.FromSeconds(1);
        }, iter: 3_000);
    }

    [Fact]
    public void Quantile_HigherLevel_NeverGivesALowerValue()
    {
        Gen.Select(Shape, Shape, Level, Level).Sample((alpha, beta, p1, p2) =>
        {
            var (low, high) = p1 <= p2 ? (p1, p2) : (p2, p1);
            return BetaDistribution.Quantile(alpha, beta, low) <= BetaDistribution.Quantile(alpha, beta, high);
        }, iter: 2_000);
    }

    [Fact]
    public void Cdf_OfQuantile_GivesTheLevelBack()
    {
        // Shapes of at least 1, where the distribution is not squeezed against 0 or 1 closer than a double
        // resolves: the round trip is exact there.
        var moderate = Gen.Double[0.0, 4.9].Select(e => Math.Pow(10.0, e));
        Gen.Select(moderate, moderate, Gen.Double[1e-4, 1.0 - 1e-4]).Sample((alpha, beta, p) =>
        {
            var q = BetaDistribution.Quantile(alpha, beta, p);
            return Math.Abs(BetaDistribution.Cdf(alpha, beta, q) - p) < 1e-6;
        }, iter: 2_000);
    }

    [Theory]
    [InlineData(1.0, 1.0, 0.3, 0.3)]             // uniform
    [InlineData(4.0, 1.0, 0.5, 0.8408964152537145)] // p^(1/a)
    [InlineData(1.0, 3.0, 0.5, 0.2062994740159002)] // 1 - (1-p)^(1/b)
    [InlineData(2.0, 2.0, 0.5, 0.5)]             // symmetric
    public void Quantile_ClosedForms_MatchToTwelveDigits(double alpha, double beta, double p, double expected)
    {
        Assert.Equal(expected, BetaDistribution.Quantile(alpha, beta, p), 12);
    }

    [Fact]
    public void Quantile_HugeShapes_SitWithinAFewStandardDeviationsOfTheMean()
    {
        // Beta(3e9, 7e11): mean ~0.0042659, sd ~7.8e-8; the 0.999 quantile is about 3.09 sd above the mean.
        var (alpha, beta) = (3e9, 7e11);
        var mean = alpha / (alpha + beta);
        var sd = Math.Sqrt(alpha * beta / ((alpha + beta) * (alpha + beta) * (alpha + beta + 1)));

        var q = BetaDistribution.Quantile(alpha, beta, 0.999);

        Assert.InRange((q - mean) / sd, 3.05, 3.13);
    }

    [Fact]
    public void Sample_AnyShapes_IsFiniteInUnitIntervalAndFast()
    {
        Gen.Select(Shape, Shape, Gen.Int).Sample((alpha, beta, seed) =>
        {
            var random = new Random(seed);
            var clock = Stopwatch.StartNew();
            var x = BetaSampler.Sample(random, alpha, beta);
            return double.IsFinite(x) && x is >= 0.0 and <= 1.0 && clock.Elapsed < TimeSpan.FromSeconds(1);
        }, iter: 20_000);
    }

    [Fact]
    public void PosteriorOf_ExtremeCounts_StaysWithinTheSpecifiedShapes()
    {
        // Arrange: more evidence than the functions are specified for, and a prior at the lower edge.
        var arm = new Bandit.Grains.ArmSnapshot("x", 1e-6, 1e-6, long.MaxValue, long.MaxValue / 2, 0, 1,
            double.MaxValue, 1e300);

        // Act
        var posterior = Posterior.Of(arm, 0, halfLife: null);

        // Assert
        Assert.Equal(BetaDistribution.MaxShape, posterior.Alpha);
        Assert.Equal(BetaDistribution.MaxShape, posterior.Beta);
        Assert.Equal(0.5, posterior.Mean);
        Assert.True(double.IsFinite(posterior.Quantile(0.999)));
    }
}
