namespace Bandit.Grains;

/// <summary>
/// An arm's evidence at one moment. Alpha counts clicks on top of the prior; beta counts impressions that
/// were not clicked, and never drops below the prior even while clicks outnumber the impressions seen.
/// </summary>
/// <param name="PostId">The post.</param>
/// <param name="PriorAlpha">Prior pseudo-clicks.</param>
/// <param name="PriorBeta">Prior pseudo-non-clicks.</param>
/// <param name="Impressions">Impressions applied, exact.</param>
/// <param name="Clicks">Clicks applied, exact.</param>
/// <param name="LastEventTimeUnixMs">Event time of the newest applied event; 0 when none.</param>
/// <param name="Version">Grows with every change, so readers can drop stale copies.</param>
/// <param name="EvidenceImpressions">
/// Impressions as the posterior weighs them at <paramref name="LastEventTimeUnixMs"/>: equal to
/// <paramref name="Impressions"/> without decay, each event discounted by its age with decay.
/// </param>
/// <param name="EvidenceClicks">Clicks weighed the same way.</param>
/// <param name="PriorSource">Where the prior came from.</param>
/// <param name="Retired">Removed from every ranking for good (moderation); events still count.</param>
[GenerateSerializer, Immutable, Alias("bandit.ArmSnapshot")]
public sealed record ArmSnapshot(
    [property: Id(0)] string PostId,
    [property: Id(1)] double PriorAlpha,
    [property: Id(2)] double PriorBeta,
    [property: Id(3)] long Impressions,
    [property: Id(4)] long Clicks,
    [property: Id(5)] long LastEventTimeUnixMs,
    [property: Id(6)] long Version,
    [property: Id(7)] double EvidenceImpressions,
    [property: Id(8)] double EvidenceClicks,
    [property: Id(9)] PriorSource PriorSource = PriorSource.Default,
    [property: Id(10)] bool Retired = false)
{
    /// <summary>Posterior alpha: prior plus (weighed) clicks.</summary>
    public double Alpha => PriorAlpha + EvidenceClicks;

    /// <summary>Posterior beta: prior plus (weighed) unclicked impressions, floored at the prior.</summary>
    public double Beta => PriorBeta + Math.Max(0.0, EvidenceImpressions - EvidenceClicks);

    /// <summary>Expected click rate under the posterior.</summary>
    public double PosteriorMean => Alpha / (Alpha + Beta);
}
