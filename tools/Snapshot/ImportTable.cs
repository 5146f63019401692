using System.Globalization;
using Bandit.Contracts.Gateway.V1;

namespace Bandit.Tools.Snapshot;

/// <summary>
/// Turns a table of arms into ImportArms entries. The columns decide what each row means, unless a mode is given:
/// a snapshot (prior_alpha, prior_beta, evidence_impressions, ...) restores whole arms; <c>alpha</c> and
/// <c>beta</c> are an explicit prior; <c>impressions</c> and <c>clicks</c> are counts from elsewhere, taken as the
/// prior Beta(1 + clicks, 1 + impressions - clicks). Every table needs <c>post_id</c>.
/// </summary>
internal static class ImportTable
{
    public static ImportMode Detect(IReadOnlyCollection<string> columns)
    {
        bool Has(string c) => columns.Contains(c, StringComparer.OrdinalIgnoreCase);

        if (!Has("post_id"))
        {
            throw new FormatException("the table has no post_id column");
        }

        if (Has("prior_alpha") && Has("prior_beta") && Has("evidence_impressions") && Has("evidence_clicks"))
        {
            return ImportMode.Arm;
        }

        if (Has("alpha") && Has("beta"))
        {
            return ImportMode.Prior;
        }

        return Has("impressions") && Has("clicks")
            ? ImportMode.Counts
            : throw new FormatException(
                "the table needs alpha and beta, or impressions and clicks, or the columns of a snapshot");
    }

    public static List<ImportedArm> ToImports(IReadOnlyList<Dictionary<string, object?>> rows, ImportMode? mode)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return [];
        }

        var chosen = mode ?? Detect(rows[0].Keys);
        var imports = new List<ImportedArm>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            try
            {
                imports.Add(chosen switch
                {
                    ImportMode.Arm => new ImportedArm
                    {
                        PostId = Text(row, "post_id"),
                        Arm = SnapshotRows.ToRecord(new SnapshotRow
                        {
                            PostId = Text(row, "post_id"),
                            PriorAlpha = Double(row, "prior_alpha"),
                            PriorBeta = Double(row, "prior_beta"),
                            Impressions = Long(row, "impressions"),
                            Clicks = Long(row, "clicks"),
                            LastEventTimeUnixMs = Long(row, "last_event_time_unix_ms"),
                            EvidenceImpressions = Double(row, "evidence_impressions"),
                            EvidenceClicks = Double(row, "evidence_clicks"),
                            PriorSource = row.TryGetValue("prior_source", out var s) ? s?.ToString() ?? "" : "",
                            Retired = row.TryGetValue("retired", out var r)
                                && Convert.ToBoolean(r, CultureInfo.InvariantCulture),
                        }),
                    },
                    ImportMode.Prior => new ImportedArm
                    {
                        PostId = Text(row, "post_id"),
                        Prior = new BetaPrior { Alpha = Double(row, "alpha"), Beta = Double(row, "beta") },
                    },
                    _ => new ImportedArm
                    {
                        PostId = Text(row, "post_id"),
                        Counts = new ObservedCounts
                        {
                            Impressions = Long(row, "impressions"),
                            Clicks = Long(row, "clicks"),
                        },
                    },
                });
            }
            catch (Exception ex) when (ex is FormatException or InvalidCastException or OverflowException)
            {
                throw new FormatException($"row {i + 1}: {ex.Message}", ex);
            }
        }

        return imports;
    }

    private static string Text(Dictionary<string, object?> row, string column) =>
        Value(row, column).ToString() ?? "";

    private static double Double(Dictionary<string, object?> row, string column) =>
        Convert.ToDouble(Value(row, column), CultureInfo.InvariantCulture);

    private static long Long(Dictionary<string, object?> row, string column) =>
        Convert.ToInt64(Value(row, column), CultureInfo.InvariantCulture);

    private static object Value(Dictionary<string, object?> row, string column) =>
        row.TryGetValue(column, out var value) && value is not null
            ? value
            : throw new FormatException($"column {column} is missing or empty");
}
