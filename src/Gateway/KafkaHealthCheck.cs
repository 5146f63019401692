using Bandit.Contracts;
using Confluent.Kafka;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Bandit.Gateway;

/// <summary>Unhealthy while the Kafka brokers do not answer a metadata request: no event could be recorded.</summary>
internal sealed class KafkaHealthCheck(IOptions<ClickStreamOptions> options) : IHealthCheck, IDisposable
{
    private static readonly TimeSpan MetadataTimeout = TimeSpan.FromSeconds(2);
    private readonly Lazy<IAdminClient> _admin = new(() =>
        new AdminClientBuilder(AdminConfig(options.Value))
            .SetLogHandler((_, _) => { })
            .Build());

    public async Task<HealthCheckResult> CheckHealthAsync(
        HealthCheckContext context,
        CancellationToken cancellationToken = default)
    {
        try
        {
            // The client's metadata call blocks; keep it off the request thread.
            var metadata = await Task.Run(() => _admin.Value.GetMetadata(MetadataTimeout), cancellationToken);
            return metadata.Brokers.Count > 0
                ? HealthCheckResult.Healthy($"{metadata.Brokers.Count} broker(s)")
                : HealthCheckResult.Unhealthy("no Kafka broker listed");
        }
        catch (KafkaException ex)
        {
            return HealthCheckResult.Unhealthy($"Kafka does not answer: {ex.Error.Reason}");
        }
    }

    public void Dispose()
    {
        if (_admin.IsValueCreated)
        {
            _admin.Value.Dispose();
        }
    }

    private static AdminClientConfig AdminConfig(ClickStreamOptions stream) =>
        new(stream.CopyClientSettings()) { BootstrapServers = stream.BootstrapServers };
}
