namespace Bandit.Grains;

/// <summary>
/// Keeps the ranking of the posts whose ids hash to one shard (see <see cref="PostSharding"/>).
/// Keyed by shard index.
/// </summary>
[Alias("bandit.IRankerShardGrain")]
public interface IRankerShardGrain : IGrainWithIntegerKey
{
    /// <summary>Takes in the newest state of arms of this shard; older versions than held are ignored.</summary>
    [Alias("UpdateAsync")]
    Task UpdateAsync(ArmSnapshot[] arms);

    /// <summary>This shard's best arms under the query's policy, best first.</summary>
    [Alias("GetTopAsync")]
    Task<RankedArm[]> GetTopAsync(TopKQuery query);
}
