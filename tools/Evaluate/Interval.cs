using System.Globalization;

namespace Bandit.Tools.Evaluate;

/// <summary>An estimate of a click rate with its 95% confidence interval.</summary>
internal readonly record struct Interval(double Estimate, double Low, double High)
{
    private const double Z95 = 1.959963984540054;

    /// <summary>Wilson's score interval for <paramref name="successes"/> out of <paramref name="trials"/>.</summary>
    public static Interval Wilson(long successes, long trials)
    {
        if (trials == 0)
        {
            return new Interval(double.NaN, 0.0, 1.0);
        }

        var p = (double)successes / trials;
        var z2 = Z95 * Z95;
        var centre = (p + z2 / (2 * trials)) / (1 + z2 / trials);
        var half = Z95 * Math.Sqrt(p * (1 - p) / trials + z2 / (4.0 * trials * trials)) / (1 + z2 / trials);
        return new Interval(p, Math.Max(0.0, centre - half), Math.Min(1.0, centre + half));
    }

    /// <summary>The normal interval of a mean from its terms' sum and sum of squares.</summary>
    public static Interval OfMean(double sum, double sumOfSquares, long count)
    {
        var mean = sum / count;
        var variance = Math.Max(0.0, sumOfSquares / count - mean * mean) * count / Math.Max(1, count - 1);
        var half = Z95 * Math.Sqrt(variance / count);
        return new Interval(mean, Math.Max(0.0, mean - half), mean + half);
    }

    public override string ToString() => double.IsNaN(Estimate)
        ? "no data (0.000%-100.000%)"
        : string.Create(CultureInfo.InvariantCulture, $"{Estimate:P3} ({Low:P3} to {High:P3})");
}
