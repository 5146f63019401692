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

    /// <summary>Prior pseudo-clicks of a post seen for the first time. Must be positive.</summary>
    public double PriorAlpha { get; set; } = DefaultPriorAlpha;

    /// <summary>Prior pseudo-non-clicks of a post seen for the first time. Must be positive.</summary>
    public double PriorBeta { get; set; } = DefaultPriorBeta;
}
