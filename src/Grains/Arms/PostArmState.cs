namespace Bandit.Grains.Arms;

/// <summary>What a post arm persists.</summary>
[GenerateSerializer, Alias("bandit.PostArmState")]
public sealed class PostArmState
{
    /// <summary>False until the first event; an unknown post reads as not found.</summary>
    [Id(0)] public bool Known { get; set; }

    [Id(1)] public double PriorAlpha { get; set; }

    [Id(2)] public double PriorBeta { get; set; }

    [Id(3)] public long Impressions { get; set; }

    [Id(4)] public long Clicks { get; set; }

    [Id(5)] public long LastEventTimeUnixMs { get; set; }

    [Id(6)] public long Version { get; set; }

    /// <summary>
    /// Highest offset applied, per Kafka partition. A post's records normally live in one partition; the map
    /// keeps redelivered records from counting twice even if the topic was repartitioned.
    /// </summary>
    [Id(7)] public Dictionary<int, long> AppliedOffsets { get; set; } = [];

    /// <summary>Keys of the most recent event ids, oldest first (see <see cref="EventKeys"/>).</summary>
    [Id(8)] public List<ulong> RecentEventKeys { get; set; } = [];

    /// <summary>Events recognised as written twice and not counted again.</summary>
    [Id(9)] public long Duplicates { get; set; }

    /// <summary>Impressions weighed by age as of <see cref="LastEventTimeUnixMs"/> (see ArmSnapshot).</summary>
    [Id(10)] public double EvidenceImpressions { get; set; }

    /// <summary>Clicks weighed by age as of <see cref="LastEventTimeUnixMs"/>.</summary>
    [Id(11)] public double EvidenceClicks { get; set; }

    /// <summary>Where the prior came from.</summary>
    [Id(12)] public PriorSource PriorSource { get; set; }

    /// <summary>Retired by moderation: counted, never ranked.</summary>
    [Id(13)] public bool Retired { get; set; }

    /// <summary>The state as of the newest snapshot cut whose later records this arm applied.</summary>
    [Id(14)] public ArmCutCopy? CutCopy { get; set; }

    /// <summary>A deep copy, to fall back to when a write fails.</summary>
    public PostArmState Clone()
    {
        var copy = (PostArmState)MemberwiseClone();
        copy.AppliedOffsets = new Dictionary<int, long>(AppliedOffsets);
        copy.RecentEventKeys = [.. RecentEventKeys];
        return copy;
    }
}
