using HdrHistogram;

namespace Bandit.Bench.Measures;

/// <summary>Latencies in microseconds (HdrHistogram, 3 significant digits), safe to record from any thread.</summary>
internal sealed class LatencyHistogram
{
    private const long HighestMicros = 300_000_000;

    private readonly Lock _gate = new();
    private readonly LongHistogram _histogram = new(HighestMicros, 3);

    public long Count
    {
        get
        {
            lock (_gate)
            {
                return _histogram.TotalCount;
            }
        }
    }

    public void Record(TimeSpan latency)
    {
        var micros = Math.Clamp((long)(latency.TotalMilliseconds * 1000), 1, _histogram.HighestTrackableValue);
        lock (_gate)
        {
            _histogram.RecordValue(micros);
        }
    }

    /// <summary>The percentile in milliseconds; NaN when nothing was recorded.</summary>
    public double PercentileMs(double percentile)
    {
        lock (_gate)
        {
            return _histogram.TotalCount == 0 ? double.NaN : _histogram.GetValueAtPercentile(percentile) / 1000.0;
        }
    }
}
