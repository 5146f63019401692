namespace Bandit.Grains;

/// <summary>
/// The known post ids of one directory bucket (see <see cref="PostSharding.DirectoryBucketOf"/>), read from the
/// arm shard that owns the bucket. Exports walk the buckets; the gateway's new-post admission asks one.
/// Keyed by bucket; holds no state of its own.
/// </summary>
[Alias("bandit.IPostDirectoryGrain")]
public interface IPostDirectoryGrain : IGrainWithIntegerKey
{
    /// <summary>Every known post id of the bucket.</summary>
    [Alias("GetPostIdsAsync")]
    Task<string[]> GetPostIdsAsync();

    /// <summary>Whether the bucket knows <paramref name="postId"/>.</summary>
    [Alias("ContainsAsync")]
    Task<bool> ContainsAsync(string postId);

    /// <summary>Every arm of the bucket as of a snapshot cut.</summary>
    [Alias("GetAtCutAsync")]
    Task<BucketAtCut> GetAtCutAsync(SnapshotCut cut);
}
