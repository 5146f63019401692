using System.Security.Cryptography;
using Bandit.Ranking;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace Bandit.Grains.Ranking;

/// <inheritdoc cref="IRankingGrain"/>
[StatelessWorker]
[GrainType("ranking")]
internal sealed class RankingGrain(IOptions<RankingOptions> options, ILogger<RankingGrain> logger)
    : Grain, IRankingGrain
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
        var asked = Enumerable.Range(0, options.Value.ShardCount)
            .Select(shard => GrainFactory.GetGrain<IArmShardGrain>(shard).GetTopAsync(seeded))
            .ToArray();
        try
        {
            await Task.WhenAll(asked);
        }
        catch (Exception) when (asked.Any(a => a.IsCompletedSuccessfully))
        {
            // A feed is better served from seven shards of eight than not at all: a shard is briefly out while
            // the silo holding it is being declared dead, and stays out while its stored state cannot be read.
            foreach (var (shard, failed) in asked.Index().Where(a => a.Item.IsFaulted))
            {
                RankingLog.ShardMissing(logger, shard, query.Policy, failed.Exception!.GetBaseException());
            }
        }

        var answers = asked.Where(a => a.IsCompletedSuccessfully).Select(a => a.Result).ToArray();
        return RankingMerge.Merge(seeded, answers, query.Epsilon ?? options.Value.Epsilon);
    }
}
