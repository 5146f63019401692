namespace Bandit.Grains.Arms;

/// <summary>Fits a Beta prior to observed click rates by the method of moments.</summary>
internal static class PopulationPrior
{
    // Below this the fit would be almost flat (and mean little): keep at least a couple of pseudo-impressions.
    private const double MinStrength = 2.0;

    /// <summary>
    /// The Beta whose mean is the average rate and whose variance is the spread of the rates minus the part
    /// that sampling noise explains; its strength alpha + beta is capped at <paramref name="maxStrength"/>.
    /// </summary>
    public static ArmPrior Fit(EvidenceSummary summary, double maxStrength)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentOutOfRangeException.ThrowIfLessThan(summary.Arms, 1, nameof(summary));

        var n = summary.Arms;
        var mean = Math.Clamp(summary.SumRate / n, 1e-6, 1.0 - 1e-6);
        var spread = summary.SumRateSquared / n - mean * mean;
        var trueVariance = spread - summary.SumSamplingVariance / n;

        // A spread no larger than the noise says the rates hardly differ: as strong as allowed.
        var strength = trueVariance > 0.0 ? mean * (1.0 - mean) / trueVariance - 1.0 : maxStrength;
        strength = Math.Clamp(strength, MinStrength, Math.Max(MinStrength, maxStrength));
        return ArmPrior.FromRate(mean, strength);
    }
}
