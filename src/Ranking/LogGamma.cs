namespace Bandit.Ranking;

/// <summary>
/// Logarithms of the Gamma and Beta functions, accurate for arguments from 1e-6 to beyond 1e12. The Beta
/// form avoids subtracting two huge log-Gammas, which would lose every digit at 1e12.
/// </summary>
internal static class LogGamma
{
    // Below this the Stirling series is not accurate enough; the recurrence shifts arguments above it.
    private const double StirlingFrom = 15.0;
    private static readonly double HalfLogTwoPi = 0.5 * Math.Log(2.0 * Math.PI);

    /// <summary>ln Gamma(x) for x &gt; 0.</summary>
    public static double Of(double x)
    {
        // Gamma(x) = Gamma(x + n) / (x (x + 1) ... (x + n - 1)).
        var shift = 0.0;
        while (x < StirlingFrom)
        {
            shift += Math.Log(x);
            x += 1.0;
        }

        return (x - 0.5) * Math.Log(x) - x + HalfLogTwoPi + StirlingCorrection(x) - shift;
    }

    /// <summary>ln B(a, b) = ln Gamma(a) + ln Gamma(b) - ln Gamma(a + b), for a, b &gt; 0.</summary>
    public static double OfBeta(double a, double b)
    {
        var small = Math.Min(a, b);
        var large = Math.Max(a, b);
        if (large < StirlingFrom)
        {
            return Of(a) + Of(b) - Of(a + b);
        }

        if (small < StirlingFrom)
        {
            // ln Gamma(large) - ln Gamma(large + small), expanded so the huge terms cancel on paper.
            var ratio = -(large - 0.5) * LogOnePlus(small / large) - small * Math.Log(large + small) + small
                + StirlingCorrection(large) - StirlingCorrection(large + small);
            return Of(small) + ratio;
        }

        var sum = a + b;
        return HalfLogTwoPi - 0.5 * Math.Log(sum)
            - (a - 0.5) * LogOnePlus(b / a)
            - (b - 0.5) * LogOnePlus(a / b)
            + StirlingCorrection(a) + StirlingCorrection(b) - StirlingCorrection(sum);
    }

    /// <summary>ln(1 + x), exact to rounding also for tiny x where 1 + x would round to 1.</summary>
    public static double LogOnePlus(double x)
    {
        if (Math.Abs(x) > 1e-4)
        {
            return Math.Log(1.0 + x);
        }

        // Series; the fourth term is below 1e-16 relative for |x| <= 1e-4.
        return x * (1.0 - x * (0.5 - x * (1.0 / 3.0 - x * 0.25)));
    }

    // ln Gamma(x) minus its leading Stirling terms, from the asymptotic series in 1/x (x >= 15).
    private static double StirlingCorrection(double x)
    {
        var inverse = 1.0 / x;
        var square = inverse * inverse;
        return inverse * (1.0 / 12.0 - square * (1.0 / 360.0 - square * (1.0 / 1260.0 - square / 1680.0)));
    }
}
