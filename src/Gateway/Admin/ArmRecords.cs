using Bandit.Contracts.Gateway.V1;
using Bandit.Grains;

namespace Bandit.Gateway.Admin;

/// <summary>Maps arms between the grains and snapshot rows.</summary>
internal static class ArmRecords
{
    public static ArmRecord ToRecord(ArmSnapshot arm) => new()
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
        PriorSource = (Contracts.Gateway.V1.PriorSource)arm.PriorSource,
        Retired = arm.Retired,
    };

    /// <summary>The arm a row restores; the version is the restoring arm's business.</summary>
    public static ArmSnapshot ToSnapshot(ArmRecord record) => new(
        record.PostId,
        record.PriorAlpha,
        record.PriorBeta,
        record.Impressions,
        record.Clicks,
        record.LastEventTimeUnixMs,
        Version: 0,
        record.EvidenceImpressions,
        record.EvidenceClicks,
        (Grains.PriorSource)record.PriorSource,
        record.Retired);
}
