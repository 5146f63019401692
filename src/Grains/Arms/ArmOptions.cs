namespace Bandit.Grains.Arms;

/// <summary>How new arms start. Bound from <c>Bandit:Arms</c>.</summary>
public sealed class ArmOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Bandit:Arms";

    /// <summary>Default prior alpha: Beta(1, 1) is uniform over click rates.</summary>
    public const double DefaultPriorAlpha = 1.0;

    /// <summary>Default prior beta.</summary>
    public const double DefaultPriorBeta = 1.0;

    /// <summary>Default number of recent event ids an arm remembers.</summary>
    public const int DefaultRecentEventIds = 64;

    /// <summary>
    /// Recent event ids each arm remembers, to count an event written twice (a client retry with the same
    /// event id) once. A duplicate is recognised while fewer than this many other events of the same post
    /// came in between. 0 turns it off.
    /// </summary>
    public int RecentEventIds { get; set; } = DefaultRecentEventIds;

    /// <summary>Prior pseudo-clicks of a post seen for the first time. Must be positive.</summary>
    public double PriorAlpha { get; set; } = DefaultPriorAlpha;

    /// <summary>Prior pseudo-non-clicks of a post seen for the first time. Must be positive.</summary>
    public double PriorBeta { get; set; } = DefaultPriorBeta;

    /// <summary>
    /// Half-life of evidence by event time; unset (the default) keeps every event at full weight. With it, an
    /// event that is one half-life older than an arm's newest counts half. Every silo must use the same value,
    /// and changing it leaves already-weighed evidence as it was.
    /// </summary>
    public TimeSpan? HalfLife { get; set; }

    /// <summary>How a post that was never registered gets its prior from the posts already known.</summary>
    public PopulationPriorOptions PopulationPrior { get; set; } = new();
}
