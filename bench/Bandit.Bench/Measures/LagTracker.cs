using System.Diagnostics;
using Bandit.Bench.Harness;
using Grpc.Core;

namespace Bandit.Bench.Measures;

/// <summary>
/// Matches produced records with the system's applied offsets: a record's lag is the time from its production to
/// the first poll that shows it applied; the oldest record not yet applied says how far behind the system is.
/// </summary>
internal sealed class LagTracker(LiveProducer producer, SystemUnderTest system, int partitions)
{
    private long[] _offsets = Enumerable.Repeat(-1L, partitions).ToArray();

    /// <summary>Polls once; returns the age in seconds of the oldest delivered record not applied (0: none).</summary>
    public async Task<double> PollAsync()
    {
        try
        {
            _offsets = await system.AppliedOffsetsAsync(partitions);
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.DeadlineExceeded or StatusCode.Unavailable)
        {
            // No answer: judge by what it last reported, so the unapplied records only grow older.
        }

        var offsets = _offsets;
        var now = Stopwatch.GetTimestamp();
        var oldest = 0.0;
        for (var p = 0; p < partitions; p++)
        {
            var queue = producer.Delivered[p];
            while (queue.TryPeek(out var head) && head.Offset <= offsets[p])
            {
                queue.TryDequeue(out _);
            }

            if (queue.TryPeek(out var waiting))
            {
                oldest = Math.Max(oldest, Stopwatch.GetElapsedTime(waiting.Ticks, now).TotalSeconds);
            }
        }

        return oldest;
    }

    /// <summary>Polls until nothing delivered is left unapplied, or the timeout; returns whether it drained.</summary>
    public async Task<bool> DrainAsync(TimeSpan timeout)
    {
        producer.Flush();
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (await PollAsync() == 0)
            {
                return true;
            }

            await Task.Delay(100);
        }

        return false;
    }
}
