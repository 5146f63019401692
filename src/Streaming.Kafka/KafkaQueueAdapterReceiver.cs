using Confluent.Kafka;
using ErrorCode = Confluent.Kafka.ErrorCode;
using Microsoft.Extensions.Logging;
using Orleans.Providers.Streams.Common;
using Orleans.Streams;

namespace Bandit.Streaming.Kafka;

/// <summary>
/// Reads one Kafka partition for one Orleans queue. Offsets are stored only for batches that Orleans reports
/// as delivered to every consumer, never beyond what the commit gate (when there is one) says was processed,
/// and committed in the background and on shutdown.
/// </summary>
internal sealed class KafkaQueueAdapterReceiver(
    string providerName,
    int partition,
    KafkaStreamOptions options,
    IKafkaRecordMapper mapper,
    IKafkaCommitGate? commitGate,
    ReadAheadBudget readAhead,
    KafkaStreamMetrics metrics,
    ILogger<KafkaQueueAdapterReceiver> logger) : IQueueAdapterReceiver
{
    // Batches handed to Orleans and not yet released: last offset and record count, oldest first.
    private readonly Queue<(long LastOffset, int Records)> _held = new();
    private const string FetchWaitMaxMs = "20";

    private readonly TopicPartition _topicPartition = new(options.Topic, partition);
    private IConsumer<byte[]?, byte[]?>? _consumer;
    private long _storedOffset = -1;
    private long _nextExpected = -1;
    private ErrorCode _lastError = ErrorCode.NoError;

    public Task Initialize(TimeSpan timeout)
    {
        // The extra settings (security, timeouts) first: the ones below are what offset handling relies on.
        var extra = new Dictionary<string, string>(options.ConsumerConfig, StringComparer.Ordinal);

        // Freshness: a fetch that finds nothing new may wait this long at the broker before asking again. The
        // default 500 ms put half a second on every update when brokers do not answer early (the dev broker).
        extra.TryAdd("fetch.wait.max.ms", FetchWaitMaxMs);
        var config = new ConsumerConfig(extra)
        {
            BootstrapServers = options.BootstrapServers,
            GroupId = options.ConsumerGroup,
            // Orleans, not Kafka, decides which silo reads which partition: no group membership, only offsets.
            EnableAutoCommit = true,
            EnableAutoOffsetStore = false,
            AutoCommitIntervalMs = 500,
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnablePartitionEof = false,
            ClientId = $"{providerName}-p{partition}",
        };
        _consumer = new ConsumerBuilder<byte[]?, byte[]?>(config)
            .SetErrorHandler((_, error) => OnConsumerError(error))
            .SetLogHandler((_, message) =>
                KafkaStreamLog.Librdkafka(logger, providerName, message.Facility, message.Message))
            .Build();
        // Offset.Stored resumes at the group's committed offset, or at the earliest when there is none.
        _consumer.Assign(new TopicPartitionOffset(_topicPartition, Offset.Stored));
        try
        {
            // Where reading should resume, to notice when the broker no longer holds that record.
            var committed = _consumer.Committed([_topicPartition], timeout)[0].Offset;
            _nextExpected = committed.IsSpecial ? -1 : committed.Value;
        }
        catch (KafkaException ex)
        {
            KafkaStreamLog.ConsumeFailed(logger, providerName, partition, ex.Error.Reason);
        }

        metrics.Track(partition, this);
        KafkaStreamLog.PartitionAssigned(logger, providerName, options.Topic, partition);
        return Task.CompletedTask;
    }

    /// <summary>Records beyond the read position, from cached watermarks; null before the first fetch.</summary>
    public long? Lag
    {
        get
        {
            if (_consumer is not { } consumer)
            {
                return null;
            }

            try
            {
                var high = consumer.GetWatermarkOffsets(_topicPartition).High;
                var position = consumer.Position(_topicPartition);
                return high == Offset.Unset || position == Offset.Unset
                    ? null
                    : Math.Max(0, high.Value - position.Value);
            }
            catch (KafkaException)
            {
                return null;
            }
            catch (ObjectDisposedException)
            {
                return null;
            }
        }
    }

    [Obsolete("Orleans calls the overload with a CancellationToken.")]
    public Task<IList<IBatchContainer>> GetQueueMessagesAsync(int maxCount) =>
        GetQueueMessagesAsync(maxCount, CancellationToken.None);

    public Task<IList<IBatchContainer>> GetQueueMessagesAsync(int maxCount, CancellationToken cancellationToken)
    {
        var consumer = _consumer ?? throw new InvalidOperationException("The receiver is not initialized.");
        var wanted = _held.Count < 2
            ? options.MaxRecordsPerPull
            : (int)Math.Min(options.MaxRecordsPerPull, readAhead.Available);
        if (wanted <= 0)
        {
            return Task.FromResult<IList<IBatchContainer>>([]);
        }

        var records = new List<ConsumeResult<byte[]?, byte[]?>>(Math.Min(wanted, 256));
        try
        {
            // A zero timeout only drains what librdkafka has already fetched: the Orleans scheduler never blocks.
            while (records.Count < wanted && consumer.Consume(TimeSpan.Zero) is { } record)
            {
                if (!record.IsPartitionEOF)
                {
                    records.Add(record);
                }
            }
        }
        catch (ConsumeException ex)
        {
            KafkaStreamLog.ConsumeFailed(logger, providerName, partition, ex.Error.Reason);
        }

        if (records.Count == 0)
        {
            return Task.FromResult<IList<IBatchContainer>>([]);
        }

        // A jump forward means the broker no longer had the records in between (retention deleted them before
        // they were read): they cannot be counted, so say so loudly instead of passing over them in silence.
        if (_nextExpected >= 0 && records[0].Offset.Value > _nextExpected)
        {
            metrics.RecordSkipped(partition, records[0].Offset.Value - _nextExpected);
            KafkaStreamLog.RecordsGone(logger, providerName, partition, _nextExpected, records[0].Offset.Value - 1);
        }

        _nextExpected = records[^1].Offset.Value + 1;
        _held.Enqueue((records[^1].Offset.Value, records.Count));
        readAhead.Take(records.Count);
        var batch = new KafkaRecordBatch(options.Topic, partition, records);
        var mapped = mapper.Map(batch);
        var containers = new List<IBatchContainer>(mapped.Count);
        for (var i = 0; i < mapped.Count; i++)
        {
            var token = new EventSequenceTokenV2(batch.LastOffset, i);
            containers.Add(new KafkaBatchContainer(mapped[i].StreamId, [.. mapped[i].Items], token));
        }

        return Task.FromResult<IList<IBatchContainer>>(containers);
    }

    [Obsolete("Orleans calls the overload with a CancellationToken.")]
    public Task MessagesDeliveredAsync(IList<IBatchContainer> messages) =>
        MessagesDeliveredAsync(messages, CancellationToken.None);

    public async Task MessagesDeliveredAsync(IList<IBatchContainer> messages, CancellationToken cancellationToken)
    {
        var delivered = -1L;
        foreach (var message in messages)
        {
            if (message is KafkaBatchContainer container)
            {
                delivered = Math.Max(delivered, container.LastOffset);
            }
        }

        while (_held.TryPeek(out var held) && held.LastOffset <= delivered)
        {
            readAhead.Return(_held.Dequeue().Records);
        }

        // Kafka's committed offset names the next record to read.
        var next = delivered + 1;
        if (next <= _storedOffset + 1)
        {
            return;
        }

        if (commitGate is not null)
        {
            try
            {
                next = Math.Min(next, await commitGate.GetCommittableOffsetAsync(partition));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Without an answer nothing more is stored; the next delivery asks again.
                KafkaStreamLog.CommitGateFailed(logger, providerName, partition, ex);
                return;
            }
        }

        if (next > _storedOffset + 1 && _consumer is { } consumer)
        {
            consumer.StoreOffset(new TopicPartitionOffset(_topicPartition, next));
            _storedOffset = next - 1;
        }
    }

    // librdkafka repeats an error on every reconnect attempt: log a change of error, not each repetition.
    private void OnConsumerError(Error error)
    {
        if (error.Code == _lastError)
        {
            KafkaStreamLog.ConsumerErrorRepeated(logger, providerName, partition, error.Reason);
            return;
        }

        _lastError = error.Code;
        KafkaStreamLog.ConsumerError(logger, providerName, partition, error.Reason);
    }

    public Task Shutdown(TimeSpan timeout)
    {
        // What this queue held is dropped with it (the next owner reads it again): give its budget back.
        while (_held.TryDequeue(out var held))
        {
            readAhead.Return(held.Records);
        }

        var consumer = Interlocked.Exchange(ref _consumer, null);
        if (consumer is null)
        {
            return Task.CompletedTask;
        }

        metrics.Untrack(partition, this);

        try
        {
            if (_storedOffset >= 0)
            {
                consumer.Commit();
            }
        }
        catch (KafkaException ex) when (ex.Error.Code == ErrorCode.Local_NoOffset)
        {
            // The background commit already took every stored offset: nothing is left to commit.
        }
        catch (KafkaException ex)
        {
            KafkaStreamLog.FinalCommitFailed(logger, providerName, partition, ex.Error.Reason);
        }
        finally
        {
            consumer.Close();
            consumer.Dispose();
        }

        KafkaStreamLog.PartitionReleased(logger, providerName, options.Topic, partition, _storedOffset);
        return Task.CompletedTask;
    }
}
