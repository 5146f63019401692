using Orleans.Providers.Streams.Common;
using Orleans.Runtime;
using Orleans.Streams;

namespace Bandit.Streaming.Kafka;

/// <summary>
/// Stream items cut from one pull of one partition. The sequence number is the offset of the pull's last
/// record, so committing it plus one after delivery never skips an undelivered record.
/// </summary>
[GenerateSerializer, Alias("bandit.kafka.KafkaBatchContainer")]
public sealed class KafkaBatchContainer(StreamId streamId, object[] items, EventSequenceTokenV2 token)
    : IBatchContainer
{
    [Id(0)]
    private readonly object[] _items = items;

    [Id(1)]
    private readonly EventSequenceTokenV2 _token = token;

    /// <inheritdoc/>
    [Id(2)]
    public StreamId StreamId { get; } = streamId;

    /// <inheritdoc/>
    public StreamSequenceToken SequenceToken => _token;

    /// <summary>Offset of the last record of the pull these items came from.</summary>
    public long LastOffset => _token.SequenceNumber;

    /// <inheritdoc/>
    public IEnumerable<Tuple<T, StreamSequenceToken>> GetEvents<T>()
    {
        for (var i = 0; i < _items.Length; i++)
        {
            if (_items[i] is T item)
            {
                yield return Tuple.Create(item, (StreamSequenceToken)_token.CreateSequenceTokenForEvent(i));
            }
        }
    }

    /// <inheritdoc/>
    public bool ImportRequestContext() => false;
}
