using System.Globalization;
using Bandit.Contracts.Events.V1;
using Bandit.Streaming.Kafka;
using Google.Protobuf;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace Bandit.Grains.Ingest;

/// <summary>
/// Decodes click-stream records into one <see cref="ClickEventBatch"/> per pull, on the stream of the
/// record's partition. Records that fail validation travel in the batch as rejected, for the dead-letter topic.
/// </summary>
public sealed class ClickRecordMapper(TimeProvider timeProvider, ILogger<ClickRecordMapper> logger)
    : IKafkaRecordMapper
{
    public IReadOnlyList<KafkaStreamItems> Map(KafkaRecordBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);

        var now = timeProvider.GetUtcNow();
        var events = new List<ClickEvent>(batch.Records.Count);
        var rejected = new List<RejectedRecord>();
        foreach (var record in batch.Records)
        {
            var decoded = Decode(record.Message.Key, record.Message.Value, record.Offset.Value, now, out var reason);
            if (decoded is null)
            {
                IngestLog.RecordRejected(logger, batch.Partition, record.Offset.Value, reason);
                rejected.Add(new RejectedRecord(record.Offset.Value, reason, record.Message.Key, record.Message.Value));
                continue;
            }

            events.Add(decoded);
        }

        var streamKey = batch.Partition.ToString(CultureInfo.InvariantCulture);
        var streamId = StreamId.Create(ClickStreamNames.Namespace, streamKey);
        var item = new ClickEventBatch(batch.Partition, batch.LastOffset, [.. events], [.. rejected]);
        return [new KafkaStreamItems(streamId, [item])];
    }

    /// <summary>Decodes and validates one record; <c>null</c> with a reason when it is rejected.</summary>
    internal static ClickEvent? Decode(
        byte[]? key,
        byte[]? value,
        long offset,
        DateTimeOffset now,
        out string reason)
    {
        if (value is null || value.Length == 0)
        {
            reason = "empty value";
            return null;
        }

        ClickStreamEvent message;
        try
        {
            message = ClickStreamEvent.Parser.ParseFrom(value);
        }
        catch (InvalidProtocolBufferException ex)
        {
            reason = "not a ClickStreamEvent: " + ex.Message;
            return null;
        }

        var kind = message.Type switch
        {
            ClickStreamEventType.Impression => ArmEventKind.Impression,
            ClickStreamEventType.Click => ArmEventKind.Click,
            _ => (ArmEventKind)0,
        };
        if (kind == 0)
        {
            reason = $"unknown event type {(int)message.Type}";
            return null;
        }

        if (PostIdRules.Validate(message.PostId) is { } postIdProblem)
        {
            reason = "post_id " + postIdProblem;
            return null;
        }

        if (key is null || key.Length == 0)
        {
            reason = "record has no key";
            return null;
        }

        if (EventTimeRules.Validate(message.EventTimeUnixMs, now) is { } timeProblem)
        {
            reason = timeProblem;
            return null;
        }

        reason = "";
        return new ClickEvent(offset, message.PostId, kind, message.EventTimeUnixMs, EventKeys.Of(message.EventId));
    }
}
