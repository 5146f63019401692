using Confluent.Kafka;

namespace Bandit.Bench.Baselines;

/// <summary>
/// Reads every partition of the click topic from its beginning, in batches: a batch is what is available at
/// once (up to a limit), so that a busy consumer amortises its per-batch work and an idle one still answers
/// within milliseconds.
/// </summary>
internal sealed class TopicReader : IDisposable
{
    private const int MaxBatch = 4096;
    private static readonly TimeSpan IdleWait = TimeSpan.FromMilliseconds(50);

    private readonly IConsumer<Ignore, byte[]> _consumer;

    public TopicReader(BaselineSettings settings)
    {
        var config = new ConsumerConfig
        {
            BootstrapServers = settings.BootstrapServers,
            GroupId = settings.ConsumerGroup,
            EnableAutoCommit = false,
            EnableAutoOffsetStore = false,

            // As Bandit's consumer: records the broker dropped before they were read are skipped, not the rest.
            AutoOffsetReset = AutoOffsetReset.Earliest,
            FetchWaitMaxMs = 5,
            QueuedMinMessages = 200_000,
        };
        _consumer = new ConsumerBuilder<Ignore, byte[]>(config).SetLogHandler((_, _) => { }).Build();
        _consumer.Assign(Enumerable.Range(0, settings.Partitions)
            .Select(p => new TopicPartitionOffset(settings.Topic, p, Offset.Beginning)));
    }

    /// <summary>Fills <paramref name="batch"/> with the next records; returns false when cancelled.</summary>
    public bool Next(List<ClickRecord> batch, CancellationToken cancellationToken)
    {
        batch.Clear();
        while (!cancellationToken.IsCancellationRequested)
        {
            var result = batch.Count == 0 ? _consumer.Consume(IdleWait) : _consumer.Consume(TimeSpan.Zero);
            if (result is null || result.IsPartitionEOF)
            {
                if (batch.Count > 0)
                {
                    return true;
                }

                continue;
            }

            if (ClickRecord.From(result) is { } record)
            {
                batch.Add(record);
            }

            if (batch.Count >= MaxBatch)
            {
                return true;
            }
        }

        return false;
    }

    public void Dispose()
    {
        _consumer.Close();
        _consumer.Dispose();
    }
}
