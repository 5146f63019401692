using Bandit.Grains;

namespace Bandit.Ranking;

/// <summary>
/// An arm's Beta posterior at a given stream time: the snapshot's evidence discounted by its age when a
/// half-life is set, and shapes kept within the range the Beta functions are specified for.
/// </summary>
public readonly record struct Posterior(double Alpha, double Beta)
{
    /// <summary>The posterior of <paramref name="arm"/> at <paramref name="nowUnixMs"/>.</summary>
    public static Posterior Of(ArmSnapshot arm, long nowUnixMs, TimeSpan? halfLife)
    {
        ArgumentNullException.ThrowIfNull(arm);

        var weight = EvidenceDecay.Weight(nowUnixMs - arm.LastEventTimeUnixMs, halfLife);
        var clicks = arm.EvidenceClicks * weight;
        var misses = Math.Max(0.0, arm.EvidenceImpressions - arm.EvidenceClicks) * weight;
        return new Posterior(Shape(arm.PriorAlpha + clicks), Shape(arm.PriorBeta + misses));
    }

    /// <summary>The posterior mean.</summary>
    public double Mean => Alpha / (Alpha + Beta);

    /// <summary>The <paramref name="p"/> quantile.</summary>
    public double Quantile(double p) => BetaDistribution.Quantile(Alpha, Beta, p);

    /// <summary>
    /// One draw from the posterior with its variance scaled by about <paramref name="varianceScale"/>.
    /// </summary>
    public double Sample(Random random, double varianceScale = 1.0) => varianceScale == 1.0
        ? BetaSampler.Sample(random, Alpha, Beta)
        : BetaSampler.Sample(random, Shape(Alpha / varianceScale), Shape(Beta / varianceScale));

    private static double Shape(double value) => double.IsNaN(value)
        ? BetaDistribution.MinShape
        : Math.Clamp(value, BetaDistribution.MinShape, BetaDistribution.MaxShape);
}
