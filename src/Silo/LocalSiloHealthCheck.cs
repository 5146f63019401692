using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;

namespace Bandit.Silo;

/// <summary>
/// This silo's own status in its membership view. For readiness it must be Active: joined, and not yet
/// leaving. For liveness it must only not be Dead: a silo that is still joining or is shutting down is busy,
/// not stuck, and restarting it would lose the work it is doing.
/// </summary>
internal sealed class LocalSiloHealthCheck(
    ILocalSiloDetails localSilo,
    IClusterMembershipService membership,
    bool requireActive) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(
        HealthCheckContext context,
        CancellationToken cancellationToken = default)
    {
        var status = membership.CurrentSnapshot.GetSiloStatus(localSilo.SiloAddress);
        var healthy = requireActive ? status == SiloStatus.Active : status != SiloStatus.Dead;
        var description = $"silo {localSilo.SiloAddress} is {status}";
        return Task.FromResult(healthy
            ? HealthCheckResult.Healthy(description)
            : HealthCheckResult.Unhealthy(description));
    }
}
