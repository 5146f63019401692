namespace Bandit.Grains.Ingest;

/// <summary>How far one partition has been applied.</summary>
[GenerateSerializer, Alias("bandit.IngestProgressState")]
public sealed class IngestProgressState
{
    [Id(0)] public long AppliedOffset { get; set; } = -1;
}
