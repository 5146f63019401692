namespace Bandit.Ranking;

/// <summary>
/// Draws from Beta(alpha, beta) as X / (X + Y) with X, Y Gamma-distributed. With a shape below one it works
/// in log space, so that such shapes cannot underflow to 0 / 0; otherwise it skips the logarithms, because a
/// Thompson-sampled ranking makes thousands of draws per shard.
/// </summary>
public static class BetaSampler
{
    /// <summary>One draw from Beta(alpha, beta); both shapes must be positive and finite.</summary>
    public static double Sample(Random random, double alpha, double beta)
    {
        if (alpha >= 1.0 && beta >= 1.0)
        {
            var (first, second) = NormalPair(random);
            var x = GammaDraw(random, alpha, first);
            return x / (x + GammaDraw(random, beta, second));
        }

        var logX = LogGammaDraw(random, alpha);
        var logY = LogGammaDraw(random, beta);

        // X / (X + Y) = 1 / (1 + exp(logY - logX)), finite for any finite logs.
        return 1.0 / (1.0 + Math.Exp(logY - logX));
    }

    // A Gamma(shape, 1) draw for shape >= 1 (Marsaglia and Tsang), accepting most candidates by the cheap
    // squeeze before any logarithm. Never 0 or infinite for shapes up to the sampler's 1e12.
    private static double GammaDraw(Random random, double shape, double normal)
    {
        var d = shape - 1.0 / 3.0;
        var c = 1.0 / Math.Sqrt(9.0 * d);
        for (var x = normal; ; x = NextNormal(random))
        {
            var v = 1.0 + c * x;
            if (v <= 0.0)
            {
                continue;
            }

            v = v * v * v;
            var u = NextOpen(random);
            var xx = x * x;
            if (u < 1.0 - 0.0331 * xx * xx || Math.Log(u) < 0.5 * xx + d - d * v + d * Math.Log(v))
            {
                return d * v;
            }
        }
    }

    // Two independent standard normals for one logarithm and one square root (Marsaglia's polar method).
    private static (double First, double Second) NormalPair(Random random)
    {
        while (true)
        {
            var u = 2.0 * random.NextDouble() - 1.0;
            var v = 2.0 * random.NextDouble() - 1.0;
            var s = u * u + v * v;
            if (s is > 0.0 and < 1.0)
            {
                var factor = Math.Sqrt(-2.0 * Math.Log(s) / s);
                return (u * factor, v * factor);
            }
        }
    }

    // Log of a Gamma(shape, 1) draw: Marsaglia and Tsang for shape >= 1, boosted by U^(1/shape) below.
    private static double LogGammaDraw(Random random, double shape)
    {
        if (shape < 1.0)
        {
            return LogGammaDraw(random, shape + 1.0) + Math.Log(NextOpen(random)) / shape;
        }

        var d = shape - 1.0 / 3.0;
        var c = 1.0 / Math.Sqrt(9.0 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = NextNormal(random);
                v = 1.0 + c * x;
            }
            while (v <= 0.0);

            v = v * v * v;
            var u = NextOpen(random);
            if (Math.Log(u) < 0.5 * x * x + d - d * v + d * Math.Log(v))
            {
                return Math.Log(d) + Math.Log(v);
            }
        }
    }

    private static double NextNormal(Random random) =>
        Math.Sqrt(-2.0 * Math.Log(NextOpen(random))) * Math.Cos(2.0 * Math.PI * random.NextDouble());

    // Uniform on (0, 1]: the logs above must never see zero.
    private static double NextOpen(Random random) => 1.0 - random.NextDouble();
}
