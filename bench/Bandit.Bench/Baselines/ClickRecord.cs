using Bandit.Contracts.Events.V1;
using Confluent.Kafka;

namespace Bandit.Bench.Baselines;

/// <summary>One decoded record of the click stream: where it was and what it says.</summary>
internal readonly record struct ClickRecord(int Partition, long Offset, string PostId, bool IsClick)
{
    /// <summary>Decodes a record; null for what Bandit refuses too (not protobuf, unknown type, no post).</summary>
    public static ClickRecord? From(ConsumeResult<Ignore, byte[]> result)
    {
        ClickStreamEvent message;
        try
        {
            message = ClickStreamEvent.Parser.ParseFrom(result.Message.Value);
        }
        catch (Google.Protobuf.InvalidProtocolBufferException)
        {
            return null;
        }

        if (message.PostId.Length == 0 || message.Type == ClickStreamEventType.Unspecified)
        {
            return null;
        }

        return new ClickRecord(
            result.Partition.Value,
            result.Offset.Value,
            message.PostId,
            message.Type == ClickStreamEventType.Click);
    }
}
