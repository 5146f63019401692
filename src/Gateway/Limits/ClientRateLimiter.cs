using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Bandit.Gateway.Limits;

/// <summary>
/// One token bucket per client: the authenticated caller (API key name or JWT subject) when there is one,
/// else the remote address. Buckets of clients that went quiet are dropped by the limiter itself.
/// </summary>
internal sealed class ClientRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string>? _limiter;

    public ClientRateLimiter(IOptions<LimitsOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);

        var limits = options.Value;
        Limit = limits.ClientCallsPerSecond;
        Burst = limits.ClientBurst;
        if (limits.ClientCallsPerSecond > 0)
        {
            var bucket = TokenBuckets.Options(limits.ClientCallsPerSecond, limits.ClientBurst);
            _limiter = PartitionedRateLimiter.Create<string, string>(
                client => RateLimitPartition.GetTokenBucketLimiter(client, _ => bucket));
        }
    }

    public double Limit { get; }

    public int Burst { get; }

    public bool TryAcquire(string client)
    {
        if (_limiter is null)
        {
            return true;
        }

        using var lease = _limiter.AttemptAcquire(client);
        return lease.IsAcquired;
    }

    /// <summary>The client a call counts against.</summary>
    public static string ClientOf(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        var identity = context.User.Identity;
        return identity is { IsAuthenticated: true, Name: { Length: > 0 } name }
            ? $"{identity.AuthenticationType}:{name}"
            : "address:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
    }

    public void Dispose() => _limiter?.Dispose();
}
