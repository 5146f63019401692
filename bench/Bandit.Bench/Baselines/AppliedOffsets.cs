using Bandit.Contracts.Gateway.V1;

namespace Bandit.Bench.Baselines;

/// <summary>The last applied offset of each partition, written by the ingest loop and read by any caller.</summary>
internal sealed class AppliedOffsets
{
    private readonly long[] _offsets;

    public AppliedOffsets(int partitions)
    {
        _offsets = new long[partitions];
        Array.Fill(_offsets, -1L);
    }

    public void Advance(int partition, long offset) =>
        Volatile.Write(ref _offsets[partition], Math.Max(Volatile.Read(ref _offsets[partition]), offset));

    public IngestProgress ToReply()
    {
        var reply = new IngestProgress();
        for (var p = 0; p < _offsets.Length; p++)
        {
            var offset = Volatile.Read(ref _offsets[p]);
            reply.Partitions.Add(new PartitionProgress { Partition = p, AppliedOffset = offset });
        }

        return reply;
    }
}
