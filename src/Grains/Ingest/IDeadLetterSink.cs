namespace Bandit.Grains.Ingest;

/// <summary>Where refused click-stream records are kept for people to inspect.</summary>
public interface IDeadLetterSink
{
    /// <summary>Stores the records; completes only once they are durably stored.</summary>
    Task PublishAsync(int partition, IReadOnlyList<RejectedRecord> records);
}
