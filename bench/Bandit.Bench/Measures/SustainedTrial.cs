using System.Diagnostics;

namespace Bandit.Bench.Measures;

/// <summary>
/// One rung of the sustained-rate ladder: produce at a rate for a while and watch the oldest unapplied record.
/// The rate holds when that age stayed under the lag limit for the whole trial (after a short settling time)
/// and the producer really reached the rate.
/// </summary>
internal static class SustainedTrial
{
    public const double LagLimitSeconds = 1.0;
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    public static async Task<SustainedTrialResult> RunAsync(
        LiveProducer producer,
        LagTracker lag,
        double eventsPerSecond,
        TimeSpan length)
    {
        var producedBefore = producer.Produced;
        producer.Pace(eventsPerSecond);
        var clock = Stopwatch.StartNew();
        var worst = 0.0;
        var worstAt = 0.0;
        var ages = new List<double>();
        while (clock.Elapsed < length)
        {
            await Task.Delay(PollInterval);
            var oldest = await lag.PollAsync();
            if (clock.Elapsed > Settle)
            {
                ages.Add(oldest);
                if (oldest > worst)
                {
                    (worst, worstAt) = (oldest, clock.Elapsed.TotalSeconds);
                }
            }

            if (worst > 10 * LagLimitSeconds)
            {
                // Far past the limit: no need to watch the rest.
                break;
            }
        }

        var achieved = (producer.Produced - producedBefore) / clock.Elapsed.TotalSeconds;
        producer.Pace(0);
        var drained = await lag.DrainAsync(TimeSpan.FromSeconds(60));
        var typical = ages.Count == 0 ? 0 : ages.Order().ElementAt(ages.Count / 2);
        return new SustainedTrialResult(eventsPerSecond, achieved, worst, drained, typical, worstAt);
    }
}
