using Bandit.Grains;
using Bandit.Grains.Arms;

namespace Bandit.Tests.Ranking;

public sealed class PopulationPriorTests
{
    [Fact]
    public void Fit_RatesSpreadBeyondTheirNoise_RecoversMeanAndStrength()
    {
        // Arrange: two groups of arms with true rates 1% and 3%, each seen a million times (noise ~1e-4).
        var summary = EvidenceSummary.Empty;
        foreach (var rate in Enumerable.Repeat(0.01, 50).Concat(Enumerable.Repeat(0.03, 50)))
        {
            summary = summary.Add(new EvidenceSummary(1, rate, rate * rate, rate * (1 - rate) / 1e6));
        }

        // Act
        var prior = PopulationPrior.Fit(summary, maxStrength: 1000);

        // Assert: mean 2%, variance 1e-4 minus the noise, so strength = 0.02 * 0.98 / ~1e-4 - 1, about 195.
        Assert.Equal(0.02, prior.Alpha / (prior.Alpha + prior.Beta), 9);
        Assert.InRange(prior.Alpha + prior.Beta, 194, 197);
    }

    [Fact]
    public void Fit_NoSpreadBeyondNoise_IsCappedAtMaxStrength()
    {
        var summary = new EvidenceSummary(30, 30 * 0.05, 30 * 0.0025, 30 * 0.01);

        var prior = PopulationPrior.Fit(summary, maxStrength: 400);

        Assert.Equal(400, prior.Alpha + prior.Beta, 9);
        Assert.Equal(20, prior.Alpha, 9);
    }
}
