using System.Diagnostics;
using Bandit.Contracts.Events.V1;
using Confluent.Kafka;
using Google.Protobuf;

namespace Bandit.ClickLogs;

/// <summary>
/// Publishes a click log to the click-stream topic: each row becomes an impression event and, when clicked,
/// a click event, keyed by post id. Event ids are <c>{runId}:{line}:i</c> and <c>:c</c>, so publishing the
/// same run again reuses them.
/// </summary>
public sealed class ClickLogPublisher(string bootstrapServers, string topic)
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>Publishes every row and waits for all acknowledgements.</summary>
    public PublishSummary Publish(
        IEnumerable<ClickLogRow> rows,
        string runId,
        Action<PublishProgress>? onProgress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentException.ThrowIfNullOrEmpty(runId);

        var config = new ProducerConfig
        {
            BootstrapServers = bootstrapServers,
            Acks = Acks.All,
            EnableIdempotence = true,
            LingerMs = 5,
            MessageTimeoutMs = 30_000,
        };
        using var producer = new ProducerBuilder<string, byte[]>(config).Build();
        var tally = new DeliveryTally();
        var clock = Stopwatch.StartNew();
        var lastReport = TimeSpan.Zero;
        long rowCount = 0, produced = 0, clicks = 0;

        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            rowCount++;
            Produce(producer, tally, Event(row, runId, ClickStreamEventType.Impression));
            produced++;
            if (row.Clicked)
            {
                Produce(producer, tally, Event(row, runId, ClickStreamEventType.Click));
                produced++;
                clicks++;
            }

            if (onProgress is not null && clock.Elapsed - lastReport >= ProgressInterval)
            {
                lastReport = clock.Elapsed;
                onProgress(tally.Snapshot(rowCount, produced));
            }
        }

        while (producer.Flush(ProgressInterval) > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            onProgress?.Invoke(tally.Snapshot(rowCount, produced));
        }

        var final = tally.Snapshot(rowCount, produced);
        onProgress?.Invoke(final);
        return new PublishSummary(final, clicks, tally.LastOffsets(), clock.Elapsed);
    }

    private void Produce(IProducer<string, byte[]> producer, DeliveryTally tally, ClickStreamEvent clickEvent)
    {
        var message = new Message<string, byte[]> { Key = clickEvent.PostId, Value = clickEvent.ToByteArray() };
        while (true)
        {
            try
            {
                producer.Produce(topic, message, tally.Record);
                return;
            }
            catch (ProduceException<string, byte[]> ex)
                when (ex.Error.Code == Confluent.Kafka.ErrorCode.Local_QueueFull)
            {
                // The client's queue is full: let deliveries drain before handing it more.
                producer.Poll(TimeSpan.FromMilliseconds(50));
            }
        }
    }

    private static ClickStreamEvent Event(ClickLogRow row, string runId, ClickStreamEventType type) => new()
    {
        EventId = $"{runId}:{row.Line}:{(type == ClickStreamEventType.Click ? 'c' : 'i')}",
        PostId = row.PostId,
        Type = type,
        EventTimeUnixMs = row.Timestamp.ToUnixTimeMilliseconds(),
        Position = row.Position,
    };
}
