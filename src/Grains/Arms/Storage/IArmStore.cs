namespace Bandit.Grains.Arms.Storage;

/// <summary>
/// Durable arms, one hash of records per shard. A write replaces the records it names and nothing else, and
/// is atomic: all of its records are stored or none. Writes carry the version of the shard's hash they were
/// made against, so that a second activation of a shard (possible for a moment while silos come and go) can
/// never overwrite what the first stored.
/// </summary>
public interface IArmStore
{
    /// <summary>Every stored record of a shard, and the version they are at.</summary>
    Task<StoredShard> LoadAsync(int shard, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores <paramref name="records"/> (post id, record) if the shard is still at <paramref name="version"/>;
    /// returns the new version.
    /// </summary>
    /// <exception cref="ArmStoreConflictException">Someone else wrote the shard since.</exception>
    Task<long> WriteAsync(int shard, long version, IReadOnlyList<KeyValuePair<string, byte[]>> records);
}
