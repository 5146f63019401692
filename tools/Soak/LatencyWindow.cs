namespace Bandit.Tools.Soak;

/// <summary>Latencies of one report interval; thread-safe.</summary>
internal sealed class LatencyWindow
{
    private readonly Lock _lock = new();
    private List<double> _milliseconds = [];
    private long _failures;

    public void Add(TimeSpan latency)
    {
        lock (_lock)
        {
            _milliseconds.Add(latency.TotalMilliseconds);
        }
    }

    public void Fail() => Interlocked.Increment(ref _failures);

    /// <summary>Count, failures, p50, p99 and max of the interval, and starts the next one.</summary>
    public (int Count, long Failures, double P50, double P99, double Max) Drain()
    {
        List<double> taken;
        lock (_lock)
        {
            (taken, _milliseconds) = (_milliseconds, []);
        }

        var failures = Interlocked.Exchange(ref _failures, 0);
        if (taken.Count == 0)
        {
            return (0, failures, double.NaN, double.NaN, double.NaN);
        }

        taken.Sort();
        return (taken.Count, failures, At(taken, 0.50), At(taken, 0.99), taken[^1]);
    }

    private static double At(List<double> sorted, double quantile) =>
        sorted[Math.Min(sorted.Count - 1, (int)(quantile * sorted.Count))];
}
