using Bandit.Grains;

namespace Bandit.Silo;

/// <summary>Starts every bandit_* series at 0 once the metrics exporter listens (see BanditMetrics).</summary>
internal sealed class MetricSeriesStartup(BanditMetrics metrics) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        metrics.StartSeries();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
