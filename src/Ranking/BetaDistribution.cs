namespace Bandit.Ranking;

/// <summary>
/// Distribution function and quantiles of Beta(alpha, beta) that stay finite and take bounded time for any
/// shapes from 1e-6 to 1e12. Accuracy is about 1e-12 relative in the body and 1e-15 absolute in the tails,
/// far finer than any ranking needs.
/// </summary>
public static class BetaDistribution
{
    /// <summary>Smallest shape the functions are specified for.</summary>
    public const double MinShape = 1e-6;

    /// <summary>Largest shape the functions are specified for.</summary>
    public const double MaxShape = 1e12;

    // From here on both shapes are so large that a moment expansion beats the continued fraction, whose
    // length grows with the square root of the shapes.
    private const double MomentExpansionFrom = 1e5;
    private const int MaxFractionTerms = 3000;
    private const int MaxSearchSteps = 100;
    private const double Tiny = 1e-300;

    /// <summary>P(X &lt;= x): the regularized incomplete Beta function I_x(alpha, beta).</summary>
    public static double Cdf(double alpha, double beta, double x)
    {
        CheckShapes(alpha, beta);
        if (double.IsNaN(x))
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, "x must be a number.");
        }

        if (x <= 0.0)
        {
            return 0.0;
        }

        if (x >= 1.0)
        {
            return 1.0;
        }

        if (Math.Min(alpha, beta) >= MomentExpansionFrom)
        {
            return NormalDistribution.Cdf((x - Mean(alpha, beta)) / StandardDeviation(alpha, beta));
        }

        // The fraction converges fast on the side of the mode it is evaluated from; use the mirror otherwise.
        var logFront = alpha * Math.Log(x) + beta * LogGamma.LogOnePlus(-x) - LogGamma.OfBeta(alpha, beta);
        return x < (alpha + 1.0) / (alpha + beta + 2.0)
            ? Clamp01(Math.Exp(logFront) * Fraction(alpha, beta, x) / alpha)
            : Clamp01(1.0 - Math.Exp(logFront) * Fraction(beta, alpha, 1.0 - x) / beta);
    }

    /// <summary>The x with P(X &lt;= x) = p, for p in (0, 1).</summary>
    public static double Quantile(double alpha, double beta, double p)
    {
        CheckShapes(alpha, beta);
        if (!(p > 0.0 && p < 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "p must lie strictly between 0 and 1.");
        }

        if (Math.Min(alpha, beta) >= MomentExpansionFrom)
        {
            return Clamp01(MomentExpansion(alpha, beta, p));
        }

        // Search near 0, where doubles are dense: mass pressed against 1 is found as 1 minus the mirror's
        // quantile. Unimodal shapes lean towards 1 when alpha > beta; U-shaped ones (both below 1) put mass
        // at both ends, and the level says which end.
        var mirror = alpha < 1.0 && beta < 1.0 ? Cdf(alpha, beta, 0.5) < p : alpha > beta;
        return mirror ? Clamp01(1.0 - Search(beta, alpha, 1.0 - p)) : Search(alpha, beta, p);
    }

    /// <summary>The mean alpha / (alpha + beta).</summary>
    public static double Mean(double alpha, double beta) => alpha / (alpha + beta);

    private static double Search(double alpha, double beta, double p)
    {
        var expansion = MomentExpansion(alpha, beta, p);

        // Newton's method on the distribution function, kept inside a shrinking bracket so that a bad step
        // falls back to bisection; the bracket alone guarantees the step bound.
        var low = 0.0;
        var high = 1.0;
        var x = expansion > 0.0 && expansion < 1.0 ? expansion : Mean(alpha, beta);
        var logBeta = LogGamma.OfBeta(alpha, beta);
        for (var step = 0; step < MaxSearchSteps; step++)
        {
            var error = Cdf(alpha, beta, x) - p;
            if (error == 0.0)
            {
                return x;
            }

            if (error < 0.0)
            {
                low = x;
            }
            else
            {
                high = x;
            }

            if (high - low <= 1e-13 * high)
            {
                break;
            }

            var logDensity = (alpha - 1.0) * Math.Log(x) + (beta - 1.0) * LogGamma.LogOnePlus(-x) - logBeta;
            var next = x - error / Math.Exp(logDensity);
            if (next > low && next < high)
            {
                // Newton closes in from one side, so the bracket alone would not say when to stop.
                var converged = Math.Abs(next - x) <= 1e-13 * x;
                x = next;
                if (converged)
                {
                    break;
                }
            }
            else
            {
                x = Split(low, high);
            }
        }

        return Clamp01(x);
    }

    private static double StandardDeviation(double alpha, double beta)
    {
        var sum = alpha + beta;
        return Math.Sqrt(alpha / sum * (beta / sum) / (sum + 1.0));
    }

    // Cornish-Fisher: the normal quantile corrected for skewness. Exact enough once both shapes are large;
    // elsewhere only a starting point.
    private static double MomentExpansion(double alpha, double beta, double p)
    {
        var sum = alpha + beta;
        var skewness = 2.0 * (beta - alpha) * Math.Sqrt(sum + 1.0) / ((sum + 2.0) * Math.Sqrt(alpha * beta));
        var z = NormalDistribution.Quantile(p);
        var corrected = z + skewness * (z * z - 1.0) / 6.0;
        return Mean(alpha, beta) + StandardDeviation(alpha, beta) * corrected;
    }

    // A bisection point; geometric while the bracket spans orders of magnitude, so tiny quantiles are reached
    // in a bounded number of steps.
    private static double Split(double low, double high)
    {
        if (low <= 0.0)
        {
            return high * 1e-6;
        }

        return high > 4.0 * low ? Math.Sqrt(low * high) : 0.5 * (low + high);
    }

    // Continued fraction for I_x(a, b), evaluated with the modified Lentz method.
    private static double Fraction(double a, double b, double x)
    {
        var c = 1.0;
        var d = Guard(1.0 - (a + b) * x / (a + 1.0));
        d = 1.0 / d;
        var result = d;
        for (var m = 1; m <= MaxFractionTerms; m++)
        {
            var twoM = 2.0 * m;
            var even = m * (b - m) * x / ((a + twoM - 1.0) * (a + twoM));
            d = 1.0 / Guard(1.0 + even * d);
            c = Guard(1.0 + even / c);
            result *= d * c;

            var odd = -(a + m) * (a + b + m) * x / ((a + twoM) * (a + twoM + 1.0));
            d = 1.0 / Guard(1.0 + odd * d);
            c = Guard(1.0 + odd / c);
            var delta = d * c;
            result *= delta;
            if (Math.Abs(delta - 1.0) < 1e-15)
            {
                break;
            }
        }

        return result;
    }

    private static double Guard(double value) => Math.Abs(value) < Tiny ? Tiny : value;

    private static double Clamp01(double value) => double.IsNaN(value) ? 0.0 : Math.Clamp(value, 0.0, 1.0);

    private static void CheckShapes(double alpha, double beta)
    {
        if (!(alpha >= MinShape && alpha <= MaxShape))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "Shapes must lie in [1e-6, 1e12].");
        }

        if (!(beta >= MinShape && beta <= MaxShape))
        {
            throw new ArgumentOutOfRangeException(nameof(beta), beta, "Shapes must lie in [1e-6, 1e12].");
        }
    }
}
