namespace Bandit.Grains;

/// <summary>
/// The durable list of known post ids in one bucket (see <see cref="PostSharding.DirectoryBucketOf"/>).
/// Rankers rebuild from it after a restart; exports walk it. Keyed by bucket.
/// </summary>
[Alias("bandit.IPostDirectoryGrain")]
public interface IPostDirectoryGrain : IGrainWithIntegerKey
{
    /// <summary>Records a post id; persisted before the call returns. Adding a known id is a no-op.</summary>
    [Alias("AddAsync")]
    Task AddAsync(string postId);

    /// <summary>Every post id of the bucket.</summary>
    [Alias("GetPostIdsAsync")]
    Task<string[]> GetPostIdsAsync();

    /// <summary>Whether the bucket lists <paramref name="postId"/>; cheaper than activating its arm.</summary>
    [Alias("ContainsAsync")]
    [Orleans.Concurrency.ReadOnly]
    Task<bool> ContainsAsync(string postId);
}
