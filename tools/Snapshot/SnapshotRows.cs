using Bandit.Contracts.Gateway.V1;

namespace Bandit.Tools.Snapshot;

/// <summary>Maps snapshot rows to and from the admin API's messages.</summary>
internal static class SnapshotRows
{
    private const string SourcePrefix = "PRIOR_SOURCE_";

    public static SnapshotRow From(ArmRecord arm) => new()
    {
        PostId = arm.PostId,
        PriorAlpha = arm.PriorAlpha,
        PriorBeta = arm.PriorBeta,
        Impressions = arm.Impressions,
        Clicks = arm.Clicks,
        Alpha = arm.Alpha,
        Beta = arm.Beta,
        LastEventTimeUnixMs = arm.LastEventTimeUnixMs,
        EvidenceImpressions = arm.EvidenceImpressions,
        EvidenceClicks = arm.EvidenceClicks,
        PriorSource = arm.PriorSource switch
        {
            PriorSource.Population => "POPULATION",
            PriorSource.Explicit => "EXPLICIT",
            _ => "DEFAULT",
        },
        Retired = arm.Retired,
    };

    public static ArmRecord ToRecord(SnapshotRow row) => new()
    {
        PostId = row.PostId,
        PriorAlpha = row.PriorAlpha,
        PriorBeta = row.PriorBeta,
        Impressions = row.Impressions,
        Clicks = row.Clicks,
        Alpha = row.Alpha,
        Beta = row.Beta,
        LastEventTimeUnixMs = row.LastEventTimeUnixMs,
        EvidenceImpressions = row.EvidenceImpressions,
        EvidenceClicks = row.EvidenceClicks,
        PriorSource = ParseSource(row.PriorSource),
        Retired = row.Retired,
    };

    public static PriorSource ParseSource(string text)
    {
        var name = text.Trim().ToUpperInvariant();
        name = name.StartsWith(SourcePrefix, StringComparison.Ordinal) ? name[SourcePrefix.Length..] : name;
        return name switch
        {
            "" or "DEFAULT" => PriorSource.Default,
            "POPULATION" => PriorSource.Population,
            "EXPLICIT" => PriorSource.Explicit,
            _ => throw new FormatException($"prior_source '{text}' is not DEFAULT, POPULATION or EXPLICIT"),
        };
    }
}
