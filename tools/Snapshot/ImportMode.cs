namespace Bandit.Tools.Snapshot;

/// <summary>What the rows of an imported table mean.</summary>
internal enum ImportMode
{
    /// <summary>Whole arms from a snapshot.</summary>
    Arm,

    /// <summary>Explicit Beta priors (alpha, beta).</summary>
    Prior,

    /// <summary>Counts seen elsewhere (impressions, clicks), taken as a prior.</summary>
    Counts,
}
