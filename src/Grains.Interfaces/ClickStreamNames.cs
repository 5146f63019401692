namespace Bandit.Grains;

/// <summary>Names shared by the click stream's producers and consumers.</summary>
public static class ClickStreamNames
{
    /// <summary>The Orleans stream provider that reads the click topic.</summary>
    public const string Provider = "clicks";

    /// <summary>Stream namespace; the stream key is the partition number.</summary>
    public const string Namespace = "bandit.clicks";
}
