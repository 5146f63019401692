namespace Bandit.Bench.Baselines;

/// <summary>The baselines' ranking score: Bandit's counting rules under a Beta(1, 1) prior.</summary>
internal static class PosteriorMean
{
    public const double PriorAlpha = 1.0;
    public const double PriorBeta = 1.0;

    public static double Alpha(long clicks) => PriorAlpha + clicks;

    public static double Beta(long impressions, long clicks) => PriorBeta + Math.Max(0, impressions - clicks);

    public static double Of(long impressions, long clicks)
    {
        var alpha = Alpha(clicks);
        return alpha / (alpha + Beta(impressions, clicks));
    }
}
