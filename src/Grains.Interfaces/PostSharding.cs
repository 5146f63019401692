using System.Text;

namespace Bandit.Grains;

/// <summary>
/// Stable placement of a post id into ranker shards and directory buckets. The hash must never change:
/// directory buckets are persisted by number.
/// </summary>
public static class PostSharding
{
    /// <summary>Number of directory buckets. Shard counts must divide it.</summary>
    public const int DirectoryBuckets = 1024;

    /// <summary>The directory bucket of a post.</summary>
    public static int DirectoryBucketOf(string postId) => (int)(Hash(postId) % DirectoryBuckets);

    /// <summary>The ranker shard of a post; a shard owns the buckets congruent to it.</summary>
    public static int ShardOf(string postId, int shardCount) => DirectoryBucketOf(postId) % shardCount;

    // FNV-1a over UTF-8: tiny, stable across processes and versions, unlike string.GetHashCode.
    private static uint Hash(string value)
    {
        Span<byte> buffer = stackalloc byte[Encoding.UTF8.GetMaxByteCount(value.Length)];
        var length = Encoding.UTF8.GetBytes(value, buffer);
        var hash = 2166136261u;
        foreach (var b in buffer[..length])
        {
            hash = (hash ^ b) * 16777619u;
        }

        return hash;
    }
}
