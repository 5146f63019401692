namespace Bandit.Ranking;

/// <summary>
/// Impressions and clicks weighed by age, held as of <see cref="AsOfUnixMs"/> (the newest event time seen).
/// A newer event first ages both sums by one factor, a late event adds its own discounted weight; either way
/// the result equals the sum over all events of 2^(-age / half-life), whatever order they arrived in.
/// </summary>
/// <param name="Impressions">Weighed impressions.</param>
/// <param name="Clicks">Weighed clicks.</param>
/// <param name="AsOfUnixMs">The time both sums are held at.</param>
public readonly record struct WeighedEvidence(double Impressions, double Clicks, long AsOfUnixMs)
{
    /// <summary>The evidence with one more event.</summary>
    public WeighedEvidence Add(long eventTimeUnixMs, bool isClick, TimeSpan? halfLife)
    {
        var (impressions, clicks, asOf) = this;
        var weight = 1.0;
        if (eventTimeUnixMs > asOf)
        {
            var age = EvidenceDecay.Weight(eventTimeUnixMs - asOf, halfLife);
            (impressions, clicks, asOf) = (impressions * age, clicks * age, eventTimeUnixMs);
        }
        else
        {
            weight = EvidenceDecay.Weight(asOf - eventTimeUnixMs, halfLife);
        }

        return isClick
            ? new WeighedEvidence(impressions, clicks + weight, asOf)
            : new WeighedEvidence(impressions + weight, clicks, asOf);
    }
}
