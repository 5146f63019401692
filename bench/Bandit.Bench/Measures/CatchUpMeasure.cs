using System.Diagnostics;
using Bandit.Bench.Harness;
using Bandit.Bench.Load;
using Grpc.Core;

namespace Bandit.Bench.Measures;

/// <summary>
/// Polls a freshly started system's ingest progress (every 100 ms; every 10 ms around the start) while it reads
/// a preloaded topic, until it has applied every event or the time limit passes.
/// </summary>
internal static class CatchUpMeasure
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    // Fast systems take in a small topic between two polls: poll finely until applying has gone on a while.
    private static readonly TimeSpan FinePollInterval = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan FinePollingFor = TimeSpan.FromSeconds(1);

    public static async Task<CatchUpResult> RunAsync(SystemUnderTest system, TopicWatermarks marks, TimeSpan limit)
    {
        var held = marks.Held;
        // Times count from the process start, when nothing was applied: a system that reads before it answers
        // (or takes in a small topic before the first poll) is then timed from its start, never from nowhere.
        var samples = new List<(double Seconds, long Applied)> { (0, 0) };
        TimeSpan? firstApplied = null;
        while (true)
        {
            long[] offsets;
            try
            {
                offsets = await system.AppliedOffsetsAsync(marks.Partitions.Count);
            }
            catch (RpcException ex) when (ex.StatusCode is StatusCode.DeadlineExceeded or StatusCode.Unavailable)
            {
                // A system too busy to answer is still catching up; its next answer counts.
                if (Stopwatch.GetElapsedTime(system.StartedTimestamp) > limit)
                {
                    break;
                }

                continue;
            }

            var applied = Applied(offsets, marks);
            var elapsed = Stopwatch.GetElapsedTime(system.StartedTimestamp);
            samples.Add((elapsed.TotalSeconds, applied));
            if (applied >= held || elapsed > limit)
            {
                break;
            }

            firstApplied ??= applied > 0 ? elapsed : null;
            var fine = firstApplied is null || elapsed - firstApplied < FinePollingFor;
            await Task.Delay(fine ? FinePollInterval : PollInterval);
        }

        return Summarize(samples, held);
    }

    /// <summary>Events applied: per partition, the records from the low watermark up to the applied offset.</summary>
    public static long Applied(long[] offsets, TopicWatermarks marks)
    {
        long applied = 0;
        for (var p = 0; p < offsets.Length; p++)
        {
            var (low, high) = marks.Partitions[p];
            applied += Math.Clamp(offsets[p] + 1 - low, 0, high - low);
        }

        return applied;
    }

    private static CatchUpResult Summarize(List<(double Seconds, long Applied)> samples, long held)
    {
        var last = samples[^1];
        var firstIndex = samples.FindIndex(s => s.Applied > 0);
        if (firstIndex < 0)
        {
            return new CatchUpResult(0, held, double.NaN, 0, 0, 0);
        }

        // The poll before the first applied event bounds when applying began.
        var begin = samples[Math.Max(0, firstIndex - 1)];
        var seconds = last.Seconds - begin.Seconds;
        var rate = seconds > 0 ? (last.Applied - begin.Applied) / seconds : double.NaN;
        var t5 = Crossing(samples, 0.05 * last.Applied);
        var t95 = Crossing(samples, 0.95 * last.Applied);
        var steady = t95 > t5 ? 0.90 * last.Applied / (t95 - t5) : rate;
        return new CatchUpResult(last.Applied, held, samples[firstIndex].Seconds, seconds, rate, steady);
    }

    // The time the applied count passed a level, interpolated between the polls on either side.
    private static double Crossing(List<(double Seconds, long Applied)> samples, double level)
    {
        for (var i = 1; i < samples.Count; i++)
        {
            var (t0, a0) = samples[i - 1];
            var (t1, a1) = samples[i];
            if (a1 >= level && a1 > a0)
            {
                return t0 + (t1 - t0) * Math.Clamp((level - a0) / (a1 - a0), 0, 1);
            }
        }

        return samples[^1].Seconds;
    }
}
