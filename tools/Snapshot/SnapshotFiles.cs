using System.Globalization;
using System.Text;
using System.Text.Json;
using Parquet.Serialization;

namespace Bandit.Tools.Snapshot;

/// <summary>
/// Writes a snapshot as Parquet, CSV and a manifest (the cut), and reads tables of arms back from either format.
/// </summary>
internal static class SnapshotFiles
{
    /// <summary>Parquet key-value metadata: the cut id.</summary>
    public const string CutIdKey = "bandit.cut_id";

    /// <summary>Parquet key-value metadata: the offsets, as in <see cref="SnapshotManifest.OffsetsText"/>.</summary>
    public const string OffsetsKey = "bandit.offsets";

    private static readonly JsonSerializerOptions ManifestJson = new() { WriteIndented = true };

    /// <summary>Writes <c>{stem}.parquet</c>, <c>{stem}.csv</c> and <c>{stem}.manifest.json</c>.</summary>
    public static async Task<string[]> WriteAsync(
        string stem,
        SnapshotManifest manifest,
        IReadOnlyList<SnapshotRow> rows,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(rows);

        var parquet = stem + ".parquet";
        var csv = stem + ".csv";
        var json = stem + ".manifest.json";
        var metadata = new Dictionary<string, string>
        {
            [CutIdKey] = manifest.CutId,
            [OffsetsKey] = manifest.OffsetsText,
        };
        await using (var stream = File.Create(parquet))
        {
            await ParquetSerializer.SerializeAsync(rows, stream, null, metadata, cancellationToken);
        }

        await File.WriteAllTextAsync(csv, ToCsv(rows), cancellationToken);
        await File.WriteAllTextAsync(json, JsonSerializer.Serialize(manifest, ManifestJson), cancellationToken);
        return [parquet, csv, json];
    }

    /// <summary>Every row of a Parquet or CSV file (by extension), as column name to value.</summary>
    public static async Task<List<Dictionary<string, object?>>> ReadTableAsync(
        string path,
        CancellationToken cancellationToken)
    {
        if (path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase))
        {
            await using var stream = File.OpenRead(path);
            var table = await ParquetSerializer.DeserializeUntypedAsync(stream, null, null, cancellationToken);
            return
            [
                .. table.Data.Select(row =>
                    row.ToDictionary(c => c.Key, c => (object?)c.Value, StringComparer.OrdinalIgnoreCase)),
            ];
        }

        return ReadCsv(await File.ReadAllLinesAsync(path, cancellationToken), path);
    }

    private static string ToCsv(IReadOnlyList<SnapshotRow> rows)
    {
        var text = new StringBuilder().AppendJoin(',', SnapshotRow.Columns).Append('\n');
        foreach (var r in rows)
        {
            // "R" round-trips every double exactly; post ids hold no commas or quotes (PostIdRules).
            text.Append(CultureInfo.InvariantCulture, $"{r.PostId},{D(r.PriorAlpha)},{D(r.PriorBeta)},")
                .Append(CultureInfo.InvariantCulture, $"{r.Impressions},{r.Clicks},{D(r.Alpha)},{D(r.Beta)},")
                .Append(CultureInfo.InvariantCulture, $"{r.LastEventTimeUnixMs},{D(r.EvidenceImpressions)},")
                .Append(CultureInfo.InvariantCulture, $"{D(r.EvidenceClicks)},{r.PriorSource},")
                .Append(r.Retired ? "true" : "false").Append('\n');
        }

        return text.ToString();

        static string D(double value) => value.ToString("R", CultureInfo.InvariantCulture);
    }

    private static List<Dictionary<string, object?>> ReadCsv(string[] lines, string path)
    {
        if (lines.Length == 0)
        {
            throw new FormatException($"{path} is empty: it needs a header line naming the columns");
        }

        var header = lines[0].Split(',').Select(h => h.Trim().Trim('"')).ToArray();
        var rows = new List<Dictionary<string, object?>>(lines.Length - 1);
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length == 0)
            {
                continue;
            }

            var cells = lines[i].Split(',');
            if (cells.Length != header.Length)
            {
                throw new FormatException(
                    $"{path} line {i + 1} has {cells.Length} fields; the header has {header.Length}");
            }

            var row = new Dictionary<string, object?>(header.Length, StringComparer.OrdinalIgnoreCase);
            for (var c = 0; c < header.Length; c++)
            {
                row[header[c]] = cells[c].Trim().Trim('"');
            }

            rows.Add(row);
        }

        return rows;
    }
}
