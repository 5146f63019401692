using System.Globalization;
using Bandit.Streaming.Kafka;

namespace Bandit.Grains.Ingest;

/// <summary>
/// Lets the click stream commit a partition only up to what its ingest grain has applied to the arms: a batch
/// Orleans dropped (an agent stopping mid-delivery, say) then stays uncommitted and is read again by the next
/// owner of the partition, where the arms' offsets keep it from counting twice.
/// </summary>
public sealed class IngestCommitGate(IGrainFactory grains) : IKafkaCommitGate
{
    /// <inheritdoc/>
    public async Task<long> GetCommittableOffsetAsync(int partition)
    {
        var ingest = grains.GetGrain<IPartitionIngestGrain>(partition.ToString(CultureInfo.InvariantCulture));
        return await ingest.GetAppliedOffsetAsync() + 1;
    }
}
