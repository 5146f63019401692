using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace Bandit.Grains.Ranking;

/// <inheritdoc cref="IRankingGrain"/>
[StatelessWorker]
[GrainType("ranking")]
internal sealed class RankingGrain(IOptions<RankingOptions> options) : Grain, IRankingGrain
{
    /// <inheritdoc/>
    public async Task<RankedArm[]> GetTopKAsync(TopKQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.K, 1, nameof(query));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.K, TopKQuery.MaxK, nameof(query));

        // One seed for the whole request, so shards sample independently yet the answer can be replayed.
        var shardQuery = query.Seed is null && query.Policy == RankingPolicy.ThompsonSampling
            ? query with { Seed = BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8)) }
            : query;
        var shards = await Task.WhenAll(Enumerable.Range(0, options.Value.ShardCount)
            .Select(shard => GrainFactory.GetGrain<IRankerShardGrain>(shard).GetTopAsync(shardQuery)));

        var merged = shards.SelectMany(s => s).ToList();
        merged.Sort(RankEntry.Compare);
        return merged.Take(query.K).ToArray();
    }
}
