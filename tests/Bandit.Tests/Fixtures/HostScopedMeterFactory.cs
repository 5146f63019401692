using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Bandit.Tests.Fixtures;

/// <summary>
/// Gives the meters of one in-process test host a version of their own. Several hosts share the test process,
/// and OpenTelemetry merges same-named, same-version instruments of different hosts into one stream: when one
/// host stopped and disposed its meters, the other hosts' series vanished from their /metrics with them.
/// </summary>
internal sealed class HostScopedMeterFactory : IMeterFactory
{
    private static int _hosts;
    private readonly string _version = "test-host-" + Interlocked.Increment(ref _hosts);
    private readonly ConcurrentDictionary<string, Meter> _meters = new(StringComparer.Ordinal);

    public Meter Create(MeterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        return _meters.GetOrAdd(options.Name, name => new Meter(new MeterOptions(name)
        {
            Version = _version,
            Tags = options.Tags,
            Scope = this,
        }));
    }

    public void Dispose()
    {
        foreach (var meter in _meters.Values)
        {
            meter.Dispose();
        }
    }
}
