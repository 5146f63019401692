namespace Bandit.Grains;

/// <summary>Where an arm's prior came from.</summary>
public enum PriorSource
{
    /// <summary>The configured default (<c>Bandit:Arms:PriorAlpha</c> / <c>PriorBeta</c>).</summary>
    Default = 0,

    /// <summary>Estimated from the posts with enough evidence when this post was first seen.</summary>
    Population = 1,

    /// <summary>Given when the post was registered or imported.</summary>
    Explicit = 2,
}
