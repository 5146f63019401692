namespace Bandit.Streaming.Kafka;

/// <summary>
/// How many records the receivers of one provider in this silo may hold between reading and Orleans releasing
/// them. Every pulled batch sits in a queue's cache until delivered; across dozens of partitions a backlog
/// would otherwise keep a million decoded events alive, long enough to be collected in the garbage
/// collector's most expensive generation. Each queue may always hold two batches, so that none can starve
/// waiting for a budget the others hold: the budget bounds only the read-ahead beyond that.
/// </summary>
public sealed class ReadAheadBudget(int records)
{
    private long _held;

    /// <summary>Records that may still be read ahead.</summary>
    public long Available => records - Interlocked.Read(ref _held);

    /// <summary>Counts <paramref name="count"/> records as held.</summary>
    public void Take(int count) => Interlocked.Add(ref _held, count);

    /// <summary>Releases <paramref name="count"/> records.</summary>
    public void Return(int count) => Interlocked.Add(ref _held, -count);
}
