using Bandit.Ranking;

namespace Bandit.Tests.Ranking;

public sealed class BetaSamplerTests
{
    public static TheoryData<double, double> ExtremeShapes => new()
    {
        { 1e-6, 1e-6 },
        { 1e-6, 1e12 },
        { 1e12, 1e-6 },
        { 1e12, 1e12 },
        { 0.5, 0.5 },
        { 1, 1 },
    };

    [Theory]
    [MemberData(nameof(ExtremeShapes))]
    public void Sample_ExtremeShapes_StaysFiniteInTheUnitInterval(double alpha, double beta)
    {
        var random = new Random(1);

        for (var i = 0; i < 2_000; i++)
        {
            var x = BetaSampler.Sample(random, alpha, beta);
            Assert.True(double.IsFinite(x), $"Beta({alpha}, {beta}) gave {x}");
            Assert.InRange(x, 0.0, 1.0);
        }
    }

    [Theory]
    [InlineData(2.0, 5.0)]
    [InlineData(30.0, 970.0)]
    [InlineData(0.3, 0.7)]
    public void Sample_ManyDraws_MatchTheBetaMeanAndVariance(double alpha, double beta)
    {
        // Arrange
        var random = new Random(12345);
        const int n = 200_000;

        // Act
        var draws = Enumerable.Range(0, n).Select(_ => BetaSampler.Sample(random, alpha, beta)).ToArray();

        // Assert: within five standard errors of the exact moments.
        var mean = alpha / (alpha + beta);
        var variance = alpha * beta / ((alpha + beta) * (alpha + beta) * (alpha + beta + 1));
        var sampleMean = draws.Average();
        var sampleVariance = draws.Select(x => (x - sampleMean) * (x - sampleMean)).Sum() / (n - 1);
        Assert.InRange(sampleMean, mean - 5 * Math.Sqrt(variance / n), mean + 5 * Math.Sqrt(variance / n));
        Assert.InRange(sampleVariance, variance * 0.97, variance * 1.03);
    }
}
