namespace Bandit.Ranking;

/// <summary>
/// Draws from Beta(alpha, beta) as X / (X + Y) with X, Y Gamma-distributed. Works in log space so that
/// shapes far below one cannot underflow to 0 / 0.
/// </summary>
public static class BetaSampler
{
    /// <summary>One draw from Beta(alpha, beta); both shapes must be positive and finite.</summary>
    public static double Sample(Random random, double alpha, double beta)
    {
        var logX = LogGammaDraw(random, alpha);
        var logY = LogGammaDraw(random, beta);

        // X / (X + Y) = 1 / (1 + exp(logY - logX)), finite for any finite logs.
        return 1.0 / (1.0 + Math.Exp(logY - logX));
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
