using System.Diagnostics.Metrics;

namespace Bandit.Grains;

/// <summary>The service's own instruments, under the meter <see cref="MeterName"/>.</summary>
public sealed class BanditMetrics : IDisposable
{
    /// <summary>Name of the meter, for exporters to subscribe to.</summary>
    public const string MeterName = "Bandit";

    private readonly Meter _meter;

    /// <summary>Creates the instruments.</summary>
    public BanditMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);

        _meter = meterFactory.Create(MeterName);
        EventsApplied = _meter.CreateCounter<long>(
            "bandit.events.applied", "{event}", "Click-stream events counted by arms (the ingest rate)");
        DuplicateEvents = _meter.CreateCounter<long>(
            "bandit.events.duplicates", "{event}", "Events written twice with one event id, counted once");
        DeadLetters = _meter.CreateCounter<long>(
            "bandit.records.dead_lettered", "{record}", "Refused records written to the dead-letter topic");
        StorageWriteFailures = _meter.CreateCounter<long>(
            "bandit.storage.write_failures", "{write}", "Grain state writes that failed and will be retried");
        BatchFailures = _meter.CreateCounter<long>(
            "bandit.ingest.batch_failures", "{batch}", "Batch deliveries that failed and will be retried");
    }

    /// <summary>
    /// Records a 0 on every series, so dashboards and alerts see 0 rather than nothing before the first event.
    /// Call it once the metrics exporter listens: a measurement taken before that is lost.
    /// </summary>
    public void StartSeries()
    {
        EventsApplied.Add(0);
        DuplicateEvents.Add(0);
        DeadLetters.Add(0);
        BatchFailures.Add(0);
        foreach (var state in new[] { "arm", "directory", "ingest" })
        {
            StorageWriteFailures.Add(0, new KeyValuePair<string, object?>("state", state));
        }
    }

    /// <summary>Events applied, tagged by partition.</summary>
    public Counter<long> EventsApplied { get; }

    /// <summary>Repeats dropped by event id.</summary>
    public Counter<long> DuplicateEvents { get; }

    /// <summary>Records sent to the dead-letter topic.</summary>
    public Counter<long> DeadLetters { get; }

    /// <summary>Failed batch deliveries, tagged by partition: a partition that keeps failing is stuck.</summary>
    public Counter<long> BatchFailures { get; }

    /// <summary>Failed state writes, tagged by state.</summary>
    public Counter<long> StorageWriteFailures { get; }

    /// <inheritdoc/>
    public void Dispose() => _meter.Dispose();
}
