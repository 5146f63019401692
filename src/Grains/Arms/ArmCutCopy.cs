namespace Bandit.Grains.Arms;

/// <summary>
/// An arm's state as of a snapshot cut, kept (in the same write) when the first record after the cut arrived.
/// </summary>
[GenerateSerializer, Alias("bandit.ArmCutCopy")]
public sealed class ArmCutCopy
{
    [Id(0)] public string CutId { get; set; } = "";

    [Id(1)] public bool Known { get; set; }

    [Id(2)] public double PriorAlpha { get; set; }

    [Id(3)] public double PriorBeta { get; set; }

    [Id(4)] public long Impressions { get; set; }

    [Id(5)] public long Clicks { get; set; }

    [Id(6)] public long LastEventTimeUnixMs { get; set; }

    [Id(7)] public long Version { get; set; }

    [Id(8)] public double EvidenceImpressions { get; set; }

    [Id(9)] public double EvidenceClicks { get; set; }

    [Id(10)] public PriorSource PriorSource { get; set; }

    [Id(11)] public bool Retired { get; set; }

    public static ArmCutCopy Of(string cutId, PostArmState arm) => new()
    {
        CutId = cutId,
        Known = arm.Known,
        PriorAlpha = arm.PriorAlpha,
        PriorBeta = arm.PriorBeta,
        Impressions = arm.Impressions,
        Clicks = arm.Clicks,
        LastEventTimeUnixMs = arm.LastEventTimeUnixMs,
        Version = arm.Version,
        EvidenceImpressions = arm.EvidenceImpressions,
        EvidenceClicks = arm.EvidenceClicks,
        PriorSource = arm.PriorSource,
        Retired = arm.Retired,
    };

    public ArmSnapshot? ToSnapshot(string postId) => Known
        ? new ArmSnapshot(
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
            Retired)
        : null;
}
