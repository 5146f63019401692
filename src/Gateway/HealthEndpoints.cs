using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Bandit.Gateway;

/// <summary>
/// Plain HTTP health endpoints for probes (Kubernetes' kubelet among them), beside the gRPC health service.
/// They are unauthenticated on purpose: they say whether to send traffic, nothing more.
/// </summary>
public static class HealthEndpoints
{
    /// <summary>200 while the process may take traffic: checks tagged <see cref="ReadyTag"/> pass.</summary>
    public const string ReadyPath = "/health/ready";

    /// <summary>200 while the process is not stuck: all checks tagged <see cref="LiveTag"/> pass.</summary>
    public const string LivePath = "/health/live";

    /// <summary>Tag of the checks a ready process passes (cluster, storage, broker).</summary>
    public const string ReadyTag = "ready";

    /// <summary>
    /// Tag of the checks a live process passes. Only what a restart would cure belongs here: an outage of
    /// Redis or Kafka must make processes unready, never restart them all.
    /// </summary>
    public const string LiveTag = "live";

    /// <summary>Maps <see cref="ReadyPath"/> and <see cref="LivePath"/>.</summary>
    public static IEndpointRouteBuilder MapBanditHealth(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        endpoints.MapHealthChecks(ReadyPath, Options(ReadyTag));
        endpoints.MapHealthChecks(LivePath, Options(LiveTag));
        return endpoints;
    }

    private static HealthCheckOptions Options(string tag) => new()
    {
        Predicate = registration => registration.Tags.Contains(tag),
        ResponseWriter = HealthReportWriter.WriteAsync,
    };
}
