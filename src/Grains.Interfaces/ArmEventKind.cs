namespace Bandit.Grains;

/// <summary>What happened to a post.</summary>
public enum ArmEventKind : byte
{
    /// <summary>The post was shown.</summary>
    Impression = 1,

    /// <summary>The post was clicked.</summary>
    Click = 2,
}
