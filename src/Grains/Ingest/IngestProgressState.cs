namespace Bandit.Grains.Ingest;

/// <summary>How far one partition has been applied.</summary>
[GenerateSerializer, Alias("bandit.IngestProgressState")]
public sealed class IngestProgressState
{
    /// <summary>
    /// The next offset to apply. Stored instead of the last applied one so that the start value is the
    /// type's default: JSON storage may leave defaults out, and a stored -1 read back as 0 would skip a record.
    /// </summary>
    [Id(0)] public long NextOffset { get; set; }

    /// <summary>The newest snapshot cut of this partition; empty before the first.</summary>
    [Id(1)] public string CutId { get; set; } = "";

    /// <summary>The last offset the cut includes.</summary>
    [Id(2)] public long CutOffset { get; set; }

    /// <summary>Offset of the last applied record; -1 before the first.</summary>
    public long AppliedOffset => NextOffset - 1;
}
