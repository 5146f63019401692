using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;

namespace Bandit.Gateway;

/// <summary>
/// Healthy while the cluster has an active silo. Inside a silo it reads the silo's own membership view (no
/// storage call, so a Redis outage makes the Redis check fail fast instead of this one hanging); in a
/// stand-alone gateway it asks the cluster.
/// </summary>
internal sealed class ClusterHealthCheck(IGrainFactory grains, IServiceProvider services) : IHealthCheck
{
    private static readonly TimeSpan ClusterTimeout = TimeSpan.FromSeconds(2);

    public async Task<HealthCheckResult> CheckHealthAsync(
        HealthCheckContext context,
        CancellationToken cancellationToken = default)
    {
        if (services.GetService<IClusterMembershipService>() is { } membership)
        {
            var active = membership.CurrentSnapshot.Members.Values.Count(m => m.Status == SiloStatus.Active);
            return active > 0
                ? HealthCheckResult.Healthy($"{active} active silo(s)")
                : HealthCheckResult.Unhealthy("no active silo");
        }

        try
        {
            var silos = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true)
                .WaitAsync(ClusterTimeout, cancellationToken);
            return silos.Count > 0
                ? HealthCheckResult.Healthy($"{silos.Count} active silo(s)")
                : HealthCheckResult.Unhealthy("no active silo");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Any failure to get an answer is an unhealthy cluster, not an error of the health endpoint.
            return HealthCheckResult.Unhealthy("the cluster does not answer", ex);
        }
    }
}
