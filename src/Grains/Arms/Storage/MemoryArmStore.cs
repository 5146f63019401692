using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Bandit.Grains.Arms.Storage;

/// <summary>
/// Arms kept in this process's memory, for development and tests: gone when the process ends. Shared by every
/// silo of the process (like Orleans' in-memory grain storage), so a shard that moves between in-process silos
/// finds its arms.
/// </summary>
public sealed class MemoryArmStore(IOptions<ClusterOptions> cluster) : IArmStore
{
    private static readonly ConcurrentDictionary<string, Shard> Shards = new(StringComparer.Ordinal);

    /// <inheritdoc/>
    public Task<StoredShard> LoadAsync(int shard, CancellationToken cancellationToken = default)
    {
        var stored = ShardOf(shard);
        lock (stored)
        {
            return Task.FromResult(new StoredShard(stored.Version, [.. stored.Records]));
        }
    }

    /// <inheritdoc/>
    public Task<long> WriteAsync(int shard, long version, IReadOnlyList<KeyValuePair<string, byte[]>> records)
    {
        ArgumentNullException.ThrowIfNull(records);

        var stored = ShardOf(shard);
        lock (stored)
        {
            if (stored.Version != version)
            {
                throw new ArmStoreConflictException();
            }

            foreach (var (postId, record) in records)
            {
                stored.Records[postId] = record;
            }

            return Task.FromResult(++stored.Version);
        }
    }

    private Shard ShardOf(int shard) =>
        Shards.GetOrAdd($"{cluster.Value.ServiceId}/{cluster.Value.ClusterId}/{shard}", _ => new Shard());

    private sealed class Shard
    {
        public long Version { get; set; }

        public Dictionary<string, byte[]> Records { get; } = new(StringComparer.Ordinal);
    }
}
