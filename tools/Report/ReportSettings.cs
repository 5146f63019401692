namespace Bandit.Tools.Report;

/// <summary>What the report reads and where it writes.</summary>
/// <param name="BootstrapServers">Kafka.</param>
/// <param name="ClickTopic">The click topic, read from the beginning.</param>
/// <param name="ServedTopic">The served-ranking topic; empty skips the exploration chart.</param>
/// <param name="SnapshotPath">A snapshot (Parquet or CSV) giving each post's prior; empty: Beta(1, 1).</param>
/// <param name="Top">How many leading posts the membership and interval charts follow.</param>
/// <param name="Buckets">Time buckets of the time series.</param>
/// <param name="OutPath">The HTML file.</param>
internal sealed record ReportSettings(
    string BootstrapServers,
    string ClickTopic,
    string ServedTopic,
    string SnapshotPath,
    int Top,
    int Buckets,
    string OutPath);
