namespace Bandit.Grains;

/// <summary>A Beta prior of a post's click rate.</summary>
/// <param name="Alpha">Pseudo-clicks, in [1e-6, 1e12].</param>
/// <param name="Beta">Pseudo-non-clicks, in [1e-6, 1e12].</param>
[GenerateSerializer, Immutable, Alias("bandit.ArmPrior")]
public sealed record ArmPrior([property: Id(0)] double Alpha, [property: Id(1)] double Beta)
{
    /// <summary>Smallest allowed shape.</summary>
    public const double MinShape = 1e-6;

    /// <summary>Largest allowed shape.</summary>
    public const double MaxShape = 1e12;

    /// <summary>A prior with mean <paramref name="clickRate"/> worth <paramref name="strength"/> impressions.</summary>
    public static ArmPrior FromRate(double clickRate, double strength) =>
        new(clickRate * strength, (1.0 - clickRate) * strength);

    /// <summary>True when both shapes lie in the allowed range.</summary>
    public bool IsValid => Alpha is >= MinShape and <= MaxShape && Beta is >= MinShape and <= MaxShape;
}
