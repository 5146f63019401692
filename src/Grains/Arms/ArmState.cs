using Bandit.Ranking;

namespace Bandit.Grains.Arms;

/// <summary>
/// One post's arm as its shard keeps it in memory and in storage. A shard never changes a held instance: it
/// changes a <see cref="Clone"/> and swaps it in once the write returned, so memory always equals storage.
/// </summary>
internal sealed class ArmState(string postId)
{
    public string PostId { get; } = postId;

    /// <summary>The post's directory bucket, kept to list a bucket without hashing every id again.</summary>
    public int Bucket { get; } = PostSharding.DirectoryBucketOf(postId);

    /// <summary>False until the first event, registration or import; an unknown post reads as not found.</summary>
    public bool Known { get; set; }

    public double PriorAlpha { get; set; }

    public double PriorBeta { get; set; }

    public PriorSource PriorSource { get; set; }

    /// <summary>Retired by moderation: counted, never ranked.</summary>
    public bool Retired { get; set; }

    public long Impressions { get; set; }

    public long Clicks { get; set; }

    public long LastEventTimeUnixMs { get; set; }

    /// <summary>Grows with every stored change (see <see cref="ArmSnapshot.Version"/>).</summary>
    public long Version { get; set; }

    /// <summary>Events recognised as written twice and not counted again.</summary>
    public long Duplicates { get; set; }

    public double EvidenceImpressions { get; set; }

    public double EvidenceClicks { get; set; }

    /// <summary>
    /// Highest offset applied, per Kafka partition. A post's records normally live in one partition; keeping
    /// each stops redelivered records from counting twice even if the topic was repartitioned.
    /// </summary>
    public PartitionOffset[] AppliedOffsets { get; set; } = [];

    /// <summary>
    /// Keys of recent event ids (see <see cref="EventKeys"/>); the first <see cref="RecentEventCount"/> are in
    /// use. Grows by doubling up to the window (most posts see few events, and memory is what a million arms
    /// cost), then is overwritten as a ring.
    /// </summary>
    public ulong[] RecentEventKeys { get; set; } = [];

    /// <summary>How many of <see cref="RecentEventKeys"/> hold keys.</summary>
    public int RecentEventCount { get; set; }

    /// <summary>Where the ring overwrites next once the window is full.</summary>
    public int RecentEventNext { get; set; }

    /// <summary>The state as of the newest snapshot cut whose later records this arm applied.</summary>
    public ArmCutCopy? CutCopy { get; set; }

    /// <summary>The offset applied for <paramref name="partition"/>, -1 when none.</summary>
    public long AppliedOffset(int partition)
    {
        foreach (var applied in AppliedOffsets)
        {
            if (applied.Partition == partition)
            {
                return applied.Offset;
            }
        }

        return -1;
    }

    /// <summary>Records <paramref name="offset"/> as applied for <paramref name="partition"/>.</summary>
    public void SetAppliedOffset(int partition, long offset)
    {
        for (var i = 0; i < AppliedOffsets.Length; i++)
        {
            if (AppliedOffsets[i].Partition == partition)
            {
                AppliedOffsets[i] = new PartitionOffset(partition, offset);
                return;
            }
        }

        AppliedOffsets = [.. AppliedOffsets, new PartitionOffset(partition, offset)];
    }

    /// <summary>Counts one event exactly, and weighs it by age for the posterior (see WeighedEvidence).</summary>
    public void Count(ArmEvent e, TimeSpan? halfLife)
    {
        var isClick = e.Kind == ArmEventKind.Click;
        (EvidenceImpressions, EvidenceClicks, LastEventTimeUnixMs) =
            new WeighedEvidence(EvidenceImpressions, EvidenceClicks, LastEventTimeUnixMs)
                .Add(e.EventTimeUnixMs, isClick, halfLife);
        if (isClick)
        {
            Clicks++;
        }
        else
        {
            Impressions++;
        }
    }

    /// <summary>Remembers the key; true when it was already among the <paramref name="window"/> recent ones.</summary>
    public bool IsRepeat(ulong eventKey, int window)
    {
        if (eventKey == 0 || window <= 0)
        {
            return false;
        }

        if (Array.IndexOf(RecentEventKeys, eventKey, 0, RecentEventCount) >= 0)
        {
            return true;
        }

        if (RecentEventCount > window)
        {
            // The window was made smaller since: start the ring again within it.
            (RecentEventCount, RecentEventNext) = (window, 0);
        }

        if (RecentEventCount < window)
        {
            if (RecentEventCount == RecentEventKeys.Length)
            {
                var grown = new ulong[Math.Min(window, Math.Max(2, 2 * RecentEventKeys.Length))];
                RecentEventKeys.AsSpan(0, RecentEventCount).CopyTo(grown);
                RecentEventKeys = grown;
            }

            RecentEventKeys[RecentEventCount++] = eventKey;
        }
        else
        {
            RecentEventKeys[RecentEventNext] = eventKey;
            RecentEventNext = (RecentEventNext + 1) % window;
        }

        return false;
    }

    /// <summary>
    /// Takes every value of <paramref name="changed"/>, reusing this instance's arrays where they fit: the held
    /// arm lives long, and replacing it (or its arrays) at every batch would leave old copies for the garbage
    /// collector's most expensive generation.
    /// </summary>
    public void CopyFrom(ArmState changed)
    {
        ArgumentNullException.ThrowIfNull(changed);

        (Known, PriorAlpha, PriorBeta, PriorSource, Retired) =
            (changed.Known, changed.PriorAlpha, changed.PriorBeta, changed.PriorSource, changed.Retired);
        (Impressions, Clicks, LastEventTimeUnixMs, Version, Duplicates) =
            (changed.Impressions, changed.Clicks, changed.LastEventTimeUnixMs, changed.Version, changed.Duplicates);
        (EvidenceImpressions, EvidenceClicks, CutCopy) =
            (changed.EvidenceImpressions, changed.EvidenceClicks, changed.CutCopy);
        if (AppliedOffsets.Length == changed.AppliedOffsets.Length)
        {
            changed.AppliedOffsets.CopyTo(AppliedOffsets, 0);
        }
        else
        {
            AppliedOffsets = changed.AppliedOffsets;
        }

        if (RecentEventKeys.Length == changed.RecentEventKeys.Length)
        {
            changed.RecentEventKeys.CopyTo(RecentEventKeys, 0);
        }
        else
        {
            RecentEventKeys = changed.RecentEventKeys;
        }

        (RecentEventCount, RecentEventNext) = (changed.RecentEventCount, changed.RecentEventNext);
    }

    /// <summary>A copy whose arrays are its own, to change while the held instance stays as stored.</summary>
    public ArmState Clone()
    {
        var copy = (ArmState)MemberwiseClone();
        copy.AppliedOffsets = [.. AppliedOffsets];
        copy.RecentEventKeys = [.. RecentEventKeys];
        return copy;
    }

    /// <summary>The arm as the rest of the system sees it.</summary>
    public ArmSnapshot ToSnapshot() => new(
        PostId,
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
}
