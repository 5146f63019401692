using System.Threading.RateLimiting;
using Bandit.Grains;
using Microsoft.Extensions.Options;

namespace Bandit.Gateway.Limits;

/// <summary>
/// Lets events and registrations of posts the cluster does not know yet in at a bounded rate, so that a flood
/// of made-up post ids cannot fill the silos with arms. Known posts pass without a token: first from a bounded
/// cache of ids this gateway saw, then by asking the post's directory bucket, which activates no arm.
/// </summary>
internal sealed class NewPostAdmission : IDisposable
{
    private static readonly TimeSpan DirectoryTimeout = TimeSpan.FromSeconds(2);

    private readonly IGrainFactory _grains;
    private readonly ILogger<NewPostAdmission> _logger;
    private readonly TokenBucketRateLimiter? _newPosts;
    private readonly KnownPostCache _known;
    private long _refused;

    public NewPostAdmission(IOptions<LimitsOptions> options, IGrainFactory grains, ILogger<NewPostAdmission> logger)
    {
        ArgumentNullException.ThrowIfNull(options);

        var limits = options.Value;
        _grains = grains;
        _logger = logger;
        _known = new KnownPostCache(limits.KnownPostCacheSize);
        _newPosts = limits.NewPostsPerSecond > 0
            ? new TokenBucketRateLimiter(TokenBuckets.Options(limits.NewPostsPerSecond, limits.NewPostBurst))
            : null;
        Limit = limits.NewPostsPerSecond;
        Burst = limits.NewPostBurst;
    }

    public double Limit { get; }

    public int Burst { get; }

    /// <summary>True when the post is known, or new and within the rate.</summary>
    public async ValueTask<bool> AdmitAsync(string postId)
    {
        if (_newPosts is null || _known.Contains(postId))
        {
            return true;
        }

        if (await IsInDirectoryAsync(postId))
        {
            _known.Add(postId);
            return true;
        }

        using var lease = _newPosts.AttemptAcquire();
        if (lease.IsAcquired)
        {
            _known.Add(postId);
            return true;
        }

        // The first refusal and every thousandth: a flood must not become a flood of log lines.
        var refused = Interlocked.Increment(ref _refused);
        if (refused % 1000 == 1)
        {
            GatewayLog.NewPostRefused(_logger, postId, refused);
        }

        return false;
    }

    public void Dispose() => _newPosts?.Dispose();

    private async Task<bool> IsInDirectoryAsync(string postId)
    {
        try
        {
            return await _grains.GetGrain<IPostDirectoryGrain>(PostSharding.DirectoryBucketOf(postId))
                .ContainsAsync(postId)
                .WaitAsync(DirectoryTimeout);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Events go to Kafka, not to the cluster: an outage of the cluster or its storage must not stop
            // them, nor hold them for Orleans' response timeout. The token decides.
            return false;
        }
    }
}
