using System.Security.Cryptography;
using Bandit.Ranking;
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
        var seeded = query.Seed is null && query.IsRandomized
            ? query with { Seed = BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8)) }
            : query;
        var answers = await Task.WhenAll(Enumerable.Range(0, options.Value.ShardCount)
            .Select(shard => GrainFactory.GetGrain<IArmShardGrain>(shard).GetTopAsync(seeded)));

        return RankingMerge.Merge(seeded, answers, query.Epsilon ?? options.Value.Epsilon);
    }
}
