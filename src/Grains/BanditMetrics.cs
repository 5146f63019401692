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
            "bandit.events.applied", "{event}", "Click-stream events applied to arms (the ingest rate)");
        DuplicateEvents = _meter.CreateCounter<long>(
            "bandit.events.duplicates", "{event}", "Events written twice with one event id, counted once");
        DeadLetters = _meter.CreateCounter<long>(
            "bandit.records.dead_lettered", "{record}", "Refused records written to the dead-letter topic");
        StorageWriteFailures = _meter.CreateCounter<long>(
            "bandit.storage.write_failures", "{write}", "Grain state writes that failed and will be retried");
    }

    /// <summary>Events applied, tagged by partition.</summary>
    public Counter<long> EventsApplied { get; }

    /// <summary>Repeats dropped by event id.</summary>
    public Counter<long> DuplicateEvents { get; }

    /// <summary>Records sent to the dead-letter topic.</summary>
    public Counter<long> DeadLetters { get; }

    /// <summary>Failed state writes, tagged by state.</summary>
    public Counter<long> StorageWriteFailures { get; }

    /// <inheritdoc/>
    public void Dispose() => _meter.Dispose();
}
