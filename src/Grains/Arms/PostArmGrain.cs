using Bandit.Grains.Ranking;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace Bandit.Grains.Arms;

/// <inheritdoc cref="IPostArmGrain"/>
/// <remarks>
/// The post's own address: every call is served by the arm shard that holds the post's counts (see
/// <see cref="ArmShardGrain"/> for why the counts live there). A stateless worker, so a million posts cost no
/// activations of their own.
/// </remarks>
[StatelessWorker]
[GrainType("post-arm")]
internal sealed class PostArmGrain(IOptions<RankingOptions> rankingOptions) : Grain, IPostArmGrain
{
    private string PostId => this.GetPrimaryKeyString();

    private IArmShardGrain Shard => GrainFactory.GetGrain<IArmShardGrain>(
        PostSharding.ShardOf(PostId, rankingOptions.Value.ShardCount));

    /// <inheritdoc/>
    public async Task<ArmSnapshot> ApplyAsync(ArmEventBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);

        await Shard.ApplyAsync(new ShardEventBatch(batch.Partition, [new PostEvents(PostId, batch.Events)], batch.Cut));
        return await Shard.GetArmAsync(PostId)
            ?? throw new InvalidOperationException($"Post '{PostId}' is unknown after applying its events.");
    }

    /// <inheritdoc/>
    public Task<ArmSnapshot?> GetAsync() => Shard.GetArmAsync(PostId);

    /// <inheritdoc/>
    public Task<ArmSnapshot> RegisterAsync(ArmPrior prior) => Shard.RegisterAsync(PostId, prior);

    /// <inheritdoc/>
    public Task<bool> RemoveAsync() => Shard.RemoveAsync(PostId);

    /// <inheritdoc/>
    public Task<ArmAtCut> GetAtCutAsync(SnapshotCut cut) => Shard.GetArmAtCutAsync(PostId, cut);

    /// <inheritdoc/>
    public Task<ArmSnapshot?> RestoreAsync(ArmSnapshot arm)
    {
        ArgumentNullException.ThrowIfNull(arm);

        return arm.PostId == PostId
            ? Shard.RestoreAsync(arm)
            : throw new ArgumentException($"The arm is of post '{arm.PostId}', not '{PostId}'.", nameof(arm));
    }
}
