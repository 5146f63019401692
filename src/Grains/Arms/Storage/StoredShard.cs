namespace Bandit.Grains.Arms.Storage;

/// <summary>A shard's stored records (post id, record) and the version of its hash; 0 when never written.</summary>
public sealed record StoredShard(long Version, IReadOnlyList<KeyValuePair<string, byte[]>> Records);
