using System.Collections.Concurrent;
using System.Diagnostics;
using Bandit.Bench.Load;
using Bandit.Contracts.Events.V1;
using Confluent.Kafka;
using Google.Protobuf;

namespace Bandit.Bench.Measures;

/// <summary>
/// Produces a seeded click stream at a set rate on a thread of its own, remembering when each record was handed
/// to the client, by partition and offset (from the delivery reports), so that lag can be measured per record.
/// Probes (a burst of chosen events) go through the same producer.
/// </summary>
internal sealed class LiveProducer : IDisposable
{
    private readonly IProducer<string, byte[]> _producer;
    private readonly string _topic;
    private readonly ClickStream _stream;
    private readonly ConcurrentQueue<(long Offset, long Ticks)>[] _delivered;
    private long _produced;
    private long _failed;
    private double _rate;
    private Thread? _pacer;
    private volatile bool _stopping;

    public LiveProducer(string bootstrapServers, string topic, int partitions, ArmPopulation arms, int seed)
    {
        _producer = BenchProducer.CreateForLive(bootstrapServers);
        _topic = topic;
        _stream = new ClickStream(arms, new ZipfSampler(arms.Count), seed, $"l{seed}-");
        _delivered = Enumerable.Range(0, partitions).Select(_ => new ConcurrentQueue<(long, long)>()).ToArray();
    }

    public long Produced => Interlocked.Read(ref _produced);

    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Delivered records per partition, oldest first, with the Stopwatch ticks of their production.</summary>
    public IReadOnlyList<ConcurrentQueue<(long Offset, long Ticks)>> Delivered => _delivered;

    /// <summary>Starts (or re-paces) the stream at <paramref name="eventsPerSecond"/>; 0 pauses it.</summary>
    public void Pace(double eventsPerSecond)
    {
        Volatile.Write(ref _rate, eventsPerSecond);
        if (_pacer is null)
        {
            _pacer = new Thread(RunPacer) { IsBackground = true, Name = "bench-pacer" };
            _pacer.Start();
        }
    }

    /// <summary>Produces the events and completes when the broker acknowledged all of them.</summary>
    public Task ProduceAcknowledgedAsync(IReadOnlyList<ClickStreamEvent> events)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var remaining = events.Count;
        foreach (var clickEvent in events)
        {
            var message = new Message<string, byte[]> { Key = clickEvent.PostId, Value = clickEvent.ToByteArray() };
            BenchProducer.Produce(_producer, _topic, message, report =>
            {
                if (report.Error.IsError)
                {
                    done.TrySetException(new KafkaException(report.Error));
                }
                else if (Interlocked.Decrement(ref remaining) == 0)
                {
                    done.TrySetResult();
                }
            });
        }

        _producer.Flush(TimeSpan.Zero);
        return done.Task;
    }

    /// <summary>Waits until every record handed over so far is acknowledged.</summary>
    public void Flush() => _producer.Flush(TimeSpan.FromSeconds(30));

    public void Dispose()
    {
        _stopping = true;
        _pacer?.Join();
        _producer.Flush(TimeSpan.FromSeconds(10));
        _producer.Dispose();
    }

    private void RunPacer()
    {
        // The schedule restarts whenever the rate changes, so a new rate does not pay off an old debt.
        var clock = Stopwatch.StartNew();
        var rate = 0.0;
        long due = 0, sent = 0;
        var since = TimeSpan.Zero;
        while (!_stopping)
        {
            var wanted = Volatile.Read(ref _rate);
            if (wanted != rate)
            {
                rate = wanted;
                since = clock.Elapsed;
                sent = 0;
            }

            due = (long)((clock.Elapsed - since).TotalSeconds * rate);
            if (due <= sent)
            {
                Thread.Sleep(1);
                continue;
            }

            // At most 10 ms worth at once, so a stall does not become a burst far above the rate.
            var burst = Math.Min(due - sent, Math.Max(1, (long)(rate / 100)));
            for (long i = 0; i < burst; i++)
            {
                ProduceOne();
            }

            sent += burst;
            if (due - sent > rate)
            {
                // More than a second behind: the producer cannot keep this rate; drop the debt, it shows as a
                // lower achieved rate.
                sent = due;
            }
        }
    }

    private void ProduceOne()
    {
        var clickEvent = _stream.Next(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        var message = new Message<string, byte[]> { Key = clickEvent.PostId, Value = clickEvent.ToByteArray() };
        var ticks = Stopwatch.GetTimestamp();
        BenchProducer.Produce(_producer, _topic, message, report =>
        {
            if (report.Error.IsError)
            {
                Interlocked.Increment(ref _failed);
                return;
            }

            _delivered[report.Partition.Value].Enqueue((report.Offset.Value, ticks));
        });
        Interlocked.Increment(ref _produced);
    }
}
