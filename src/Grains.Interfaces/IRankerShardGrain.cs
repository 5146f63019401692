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

    /// <summary>This shard's part of a ranking under the query's policy; randomized policies need a seed.</summary>
    [Alias("GetTopAsync")]
    Task<ShardAnswer> GetTopAsync(TopKQuery query);

    /// <summary>Click-rate statistics of this shard's arms with at least <paramref name="minImpressions"/>.</summary>
    [Alias("GetEvidenceSummaryAsync")]
    Task<EvidenceSummary> GetEvidenceSummaryAsync(long minImpressions);

    /// <summary>Takes a retired post out of the ranking and ignores any later state of it.</summary>
    [Alias("RemoveAsync")]
    Task RemoveAsync(string postId);
}
