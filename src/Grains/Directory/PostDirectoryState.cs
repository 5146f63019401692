namespace Bandit.Grains.Directory;

/// <summary>The post ids of one directory bucket.</summary>
[GenerateSerializer, Alias("bandit.PostDirectoryState")]
public sealed class PostDirectoryState
{
    [Id(0)] public HashSet<string> PostIds { get; set; } = new(StringComparer.Ordinal);
}
