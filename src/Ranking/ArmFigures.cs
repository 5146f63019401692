using Bandit.Grains;

namespace Bandit.Ranking;

/// <summary>
/// The numbers of an <see cref="ArmSnapshot"/>, held inline by the book. An arm updated thousands of times
/// would otherwise leave thousands of long-lived snapshot objects for the garbage collector's oldest
/// generation; snapshots are made only for the arms a query returns.
/// </summary>
internal readonly record struct ArmFigures(
    double PriorAlpha,
    double PriorBeta,
    long Impressions,
    long Clicks,
    long LastEventTimeUnixMs,
    long Version,
    double EvidenceImpressions,
    double EvidenceClicks,
    PriorSource PriorSource,
    bool Retired)
{
    public static ArmFigures Of(ArmSnapshot arm) => new(
        arm.PriorAlpha,
        arm.PriorBeta,
        arm.Impressions,
        arm.Clicks,
        arm.LastEventTimeUnixMs,
        arm.Version,
        arm.EvidenceImpressions,
        arm.EvidenceClicks,
        arm.PriorSource,
        arm.Retired);

    public ArmSnapshot ToSnapshot(string postId) => new(
        postId,
        PriorAlpha,
        PriorBeta,
        Impressions,
        Clicks,
        LastEventTimeUnixMs,
        Version,
        EvidenceImpressions,
        EvidenceClicks,
        PriorSource,
        Retired);

    /// <summary>The posterior at <paramref name="nowUnixMs"/> (see <see cref="Posterior"/>).</summary>
    public Posterior PosteriorAt(long nowUnixMs, TimeSpan? halfLife) => Posterior.Of(
        PriorAlpha, PriorBeta, EvidenceImpressions, EvidenceClicks, nowUnixMs - LastEventTimeUnixMs, halfLife);
}
