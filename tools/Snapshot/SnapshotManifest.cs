namespace Bandit.Tools.Snapshot;

/// <summary>What a snapshot is consistent as of: per partition, the last offset of the click topic included.</summary>
/// <param name="CutId">The cut the service took.</param>
/// <param name="TakenAtUnixMs">When the cut was taken.</param>
/// <param name="Offsets">Last included offset, by partition (-1: none of that partition).</param>
/// <param name="Arms">Rows in the files.</param>
internal sealed record SnapshotManifest(string CutId, long TakenAtUnixMs, long[] Offsets, int Arms)
{
    /// <summary>The offsets as one line, e.g. <c>0:41,1:-1,2:17</c> (also the Parquet metadata value).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string OffsetsText => string.Join(',', Offsets.Select((o, p) => $"{p}:{o}"));
}
