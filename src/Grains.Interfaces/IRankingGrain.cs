namespace Bandit.Grains;

/// <summary>Answers top-K queries by merging the shards' answers. Stateless; key 0.</summary>
[Alias("bandit.IRankingGrain")]
public interface IRankingGrain : IGrainWithIntegerKey
{
    /// <summary>The best <see cref="TopKQuery.K"/> posts across all shards, best first.</summary>
    [Alias("GetTopKAsync")]
    Task<RankedArm[]> GetTopKAsync(TopKQuery query);
}
