using Bandit.Grains.Ranking;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace Bandit.Grains.Directory;

/// <inheritdoc cref="IPostDirectoryGrain"/>
/// <remarks>
/// A stateless worker: callers address buckets (a number every process can compute) without knowing the
/// silo's shard count, and the worker forwards to the shard that owns the bucket.
/// </remarks>
[StatelessWorker]
[GrainType("post-directory")]
internal sealed class PostDirectoryGrain(IOptions<RankingOptions> options) : Grain, IPostDirectoryGrain
{
    private int Bucket => (int)this.GetPrimaryKeyLong();

    private IArmShardGrain Shard => GrainFactory.GetGrain<IArmShardGrain>(Bucket % options.Value.ShardCount);

    /// <inheritdoc/>
    public Task<string[]> GetPostIdsAsync() => Shard.GetPostIdsAsync(Bucket);

    /// <inheritdoc/>
    public Task<bool> ContainsAsync(string postId) => Shard.ContainsAsync(postId);

    /// <inheritdoc/>
    public Task<BucketAtCut> GetAtCutAsync(SnapshotCut cut) => Shard.GetBucketAtCutAsync(Bucket, cut);
}
