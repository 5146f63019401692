namespace Bandit.Gateway.Limits;

/// <summary>How much any one caller, and all callers together, may ask of the gateway. Bound from
/// <c>Bandit:Limits</c>.</summary>
public sealed class LimitsOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Bandit:Limits";

    /// <summary>Default sustained calls per second of one client.</summary>
    public const double DefaultClientCallsPerSecond = 2_000;

    /// <summary>Default burst of one client above its sustained rate.</summary>
    public const int DefaultClientBurst = 4_000;

    /// <summary>Default sustained rate of posts never seen before, per gateway.</summary>
    public const double DefaultNewPostsPerSecond = 200;

    /// <summary>Default burst of new posts.</summary>
    public const int DefaultNewPostBurst = 2_000;

    /// <summary>Default number of post ids a gateway remembers as known.</summary>
    public const int DefaultKnownPostCacheSize = 100_000;

    /// <summary>
    /// Sustained gRPC calls per second of one client (an API key's name, a JWT's subject, else the remote
    /// address); 0 turns the limit off. Health checks are not counted.
    /// </summary>
    public double ClientCallsPerSecond { get; set; } = DefaultClientCallsPerSecond;

    /// <summary>Calls a client may make at once above its sustained rate.</summary>
    public int ClientBurst { get; set; } = DefaultClientBurst;

    /// <summary>
    /// Sustained rate at which this gateway admits events and registrations of posts the cluster does not
    /// know yet; 0 turns the limit off. Known posts are never limited by it.
    /// </summary>
    public double NewPostsPerSecond { get; set; } = DefaultNewPostsPerSecond;

    /// <summary>New posts admitted at once above the sustained rate.</summary>
    public int NewPostBurst { get; set; } = DefaultNewPostBurst;

    /// <summary>Post ids this gateway remembers as known, so that known posts cost no cluster call.</summary>
    public int KnownPostCacheSize { get; set; } = DefaultKnownPostCacheSize;
}
