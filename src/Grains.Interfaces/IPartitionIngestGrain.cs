using Orleans.Concurrency;

namespace Bandit.Grains;

/// <summary>
/// Applies one Kafka partition's click stream to the arms. Activated by its stream; keyed by partition number.
/// </summary>
[Alias("bandit.IPartitionIngestGrain")]
public interface IPartitionIngestGrain : IGrainWithStringKey
{
    /// <summary>Offset of the last record whose events reached their arms; -1 before the first.</summary>
    [Alias("GetAppliedOffsetAsync")]
    [AlwaysInterleave]
    Task<long> GetAppliedOffsetAsync();

    /// <summary>
    /// Starts a snapshot cut in this partition once the batch in progress (if any) is done: persists the cut and
    /// returns its offset, the last applied one. Every later batch tells its arms about the cut.
    /// </summary>
    [Alias("BeginCutAsync")]
    Task<long> BeginCutAsync(string cutId);
}
