namespace Bandit.Grains;

/// <summary>
/// Sufficient statistics of the observed click rates of the arms with enough evidence, from which a
/// population Beta prior is fitted by the method of moments.
/// </summary>
/// <param name="Arms">Arms counted.</param>
/// <param name="SumRate">Sum of clicks / impressions.</param>
/// <param name="SumRateSquared">Sum of squared rates.</param>
/// <param name="SumSamplingVariance">Sum of rate (1 - rate) / impressions: the noise of each rate.</param>
[GenerateSerializer, Immutable, Alias("bandit.EvidenceSummary")]
public sealed record EvidenceSummary(
    [property: Id(0)] long Arms,
    [property: Id(1)] double SumRate,
    [property: Id(2)] double SumRateSquared,
    [property: Id(3)] double SumSamplingVariance)
{
    /// <summary>Nothing counted.</summary>
    public static readonly EvidenceSummary Empty = new(0, 0, 0, 0);

    /// <summary>Both summaries together.</summary>
    public EvidenceSummary Add(EvidenceSummary other)
    {
        ArgumentNullException.ThrowIfNull(other);

        return new EvidenceSummary(
            Arms + other.Arms,
            SumRate + other.SumRate,
            SumRateSquared + other.SumRateSquared,
            SumSamplingVariance + other.SumSamplingVariance);
    }
}
