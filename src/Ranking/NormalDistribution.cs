namespace Bandit.Ranking;

/// <summary>The standard normal distribution, to the accuracy the Beta functions need.</summary>
internal static class NormalDistribution
{
    private const int SimpsonIntervals = 1024;
    private static readonly double InverseSqrtTwoPi = 1.0 / Math.Sqrt(2.0 * Math.PI);

    // Rankings ask for the same few quantile levels over and over: remember the last one.
    private static Tuple<double, double> s_lastQuantile = Tuple.Create(0.5, 0.0);

    /// <summary>P(Z &lt;= z), by Simpson's rule on the density: plain, and exact to ~1e-12 here.</summary>
    public static double Cdf(double z)
    {
        if (double.IsNaN(z))
        {
            return 0.5;
        }

        var limit = Math.Clamp(Math.Abs(z), 0.0, 40.0);
        var width = limit / SimpsonIntervals;
        var sum = Density(0.0) + Density(limit);
        for (var i = 1; i < SimpsonIntervals; i++)
        {
            sum += (i % 2 == 1 ? 4.0 : 2.0) * Density(i * width);
        }

        var half = sum * width / 3.0;
        return z >= 0.0 ? Math.Min(1.0, 0.5 + half) : Math.Max(0.0, 0.5 - half);
    }

    /// <summary>The z with P(Z &lt;= z) = p, for p in (0, 1); by bisection, cached for the last p.</summary>
    public static double Quantile(double p)
    {
        var last = s_lastQuantile;
        if (last.Item1 == p)
        {
            return last.Item2;
        }

        var low = -40.0;
        var high = 40.0;
        for (var step = 0; step < 80; step++)
        {
            var middle = 0.5 * (low + high);
            if (Cdf(middle) < p)
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }

        var z = 0.5 * (low + high);
        s_lastQuantile = Tuple.Create(p, z);
        return z;
    }

    private static double Density(double z) => InverseSqrtTwoPi * Math.Exp(-0.5 * z * z);
}
