namespace Bandit.Streaming.Kafka;

/// <summary>
/// Says how far a partition may be committed: the offset of the first record the application has not yet
/// durably processed. Orleans reports a batch as delivered also when it gave up on it (a delivery cut short
/// by an agent stopping, for one), so without a gate a commit could pass records nobody processed.
/// Optional; registered in DI as a keyed service under the stream provider's name.
/// </summary>
public interface IKafkaCommitGate
{
    /// <summary>The highest offset <paramref name="partition"/> may be committed at.</summary>
    Task<long> GetCommittableOffsetAsync(int partition);
}
