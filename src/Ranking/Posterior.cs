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

        return Of(
            arm.PriorAlpha,
            arm.PriorBeta,
            arm.EvidenceImpressions,
            arm.EvidenceClicks,
            nowUnixMs - arm.LastEventTimeUnixMs,
            halfLife);
    }

    /// <summary>The posterior of a prior and evidence weighed <paramref name="ageMs"/> after its last event.</summary>
    public static Posterior Of(
        double priorAlpha,
        double priorBeta,
        double evidenceImpressions,
        double evidenceClicks,
        long ageMs,
        TimeSpan? halfLife)
    {
        var weight = EvidenceDecay.Weight(ageMs, halfLife);
        var clicks = evidenceClicks * weight;
        var misses = Math.Max(0.0, evidenceImpressions - evidenceClicks) * weight;
        return new Posterior(Shape(priorAlpha + clicks), Shape(priorBeta + misses));
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
