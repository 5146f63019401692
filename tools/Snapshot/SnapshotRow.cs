using System.Text.Json.Serialization;

namespace Bandit.Tools.Snapshot;

/// <summary>One arm of a snapshot: a row of the Parquet file and of the CSV file, same column names.</summary>
internal sealed class SnapshotRow
{
    /// <summary>The columns, in file order.</summary>
    public static readonly string[] Columns =
    [
        "post_id", "prior_alpha", "prior_beta", "impressions", "clicks", "alpha", "beta",
        "last_event_time_unix_ms", "evidence_impressions", "evidence_clicks", "prior_source", "retired",
    ];

    [JsonPropertyName("post_id")] public string PostId { get; set; } = "";

    [JsonPropertyName("prior_alpha")] public double PriorAlpha { get; set; }

    [JsonPropertyName("prior_beta")] public double PriorBeta { get; set; }

    [JsonPropertyName("impressions")] public long Impressions { get; set; }

    [JsonPropertyName("clicks")] public long Clicks { get; set; }

    [JsonPropertyName("alpha")] public double Alpha { get; set; }

    [JsonPropertyName("beta")] public double Beta { get; set; }

    [JsonPropertyName("last_event_time_unix_ms")] public long LastEventTimeUnixMs { get; set; }

    [JsonPropertyName("evidence_impressions")] public double EvidenceImpressions { get; set; }

    [JsonPropertyName("evidence_clicks")] public double EvidenceClicks { get; set; }

    /// <summary>DEFAULT, POPULATION or EXPLICIT.</summary>
    [JsonPropertyName("prior_source")] public string PriorSource { get; set; } = "";

    [JsonPropertyName("retired")] public bool Retired { get; set; }
}
