using System.Threading.RateLimiting;

namespace Bandit.Gateway.Limits;

/// <summary>Token buckets from a rate per second, including rates below one per second.</summary>
internal static class TokenBuckets
{
    public static TokenBucketRateLimiterOptions Options(double perSecond, int burst)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perSecond);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(burst);

        // Refill ten times a second when the rate allows whole tokens that often; slower rates refill one token
        // per period of 1/rate.
        var (tokens, period) = perSecond >= 10
            ? ((int)Math.Ceiling(perSecond / 10), TimeSpan.FromMilliseconds(100))
            : (1, TimeSpan.FromSeconds(1 / perSecond));
        return new TokenBucketRateLimiterOptions
        {
            TokenLimit = burst,
            TokensPerPeriod = tokens,
            ReplenishmentPeriod = period,
            QueueLimit = 0,
            AutoReplenishment = true,
        };
    }
}
