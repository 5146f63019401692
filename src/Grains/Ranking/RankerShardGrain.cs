using Microsoft.Extensions.Options;

namespace Bandit.Grains.Ranking;

/// <summary>
/// Holds every arm of one shard ordered by posterior mean. Kept in memory only: on activation it rebuilds
/// from the post directory and the arms themselves, which are the durable truth.
/// </summary>
[GrainType("ranker-shard")]
internal sealed class RankerShardGrain(IOptions<RankingOptions> options) : Grain, IRankerShardGrain
{
    private readonly Dictionary<string, ArmSnapshot> _arms = new(StringComparer.Ordinal);
    private readonly SortedSet<RankEntry> _byMean = [];

    private int Shard => (int)this.GetPrimaryKeyLong();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var shardCount = options.Value.ShardCount;
        for (var bucket = Shard; bucket < PostSharding.DirectoryBuckets; bucket += shardCount)
        {
            var postIds = await GrainFactory.GetGrain<IPostDirectoryGrain>(bucket).GetPostIdsAsync();
            var snapshots = await Task.WhenAll(
                postIds.Select(id => GrainFactory.GetGrain<IPostArmGrain>(id).GetAsync()));
            foreach (var snapshot in snapshots)
            {
                if (snapshot is not null)
                {
                    Upsert(snapshot);
                }
            }
        }
    }

    /// <inheritdoc/>
    public Task UpdateAsync(ArmSnapshot[] arms)
    {
        ArgumentNullException.ThrowIfNull(arms);

        foreach (var arm in arms)
        {
            Upsert(arm);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task<RankedArm[]> GetTopAsync(TopKQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);

        var top = query.Policy switch
        {
            RankingPolicy.PosteriorMean => _byMean.Take(query.K)
                .Select(e => new RankedArm(_arms[e.PostId], e.Score))
                .ToArray(),
            RankingPolicy.ThompsonSampling => SampleTop(query),
            _ => throw new ArgumentOutOfRangeException(nameof(query), query.Policy, "Unknown ranking policy."),
        };
        return Task.FromResult(top);
    }

    private RankedArm[] SampleTop(TopKQuery query)
    {
        // Each shard draws from its own stream, so merged shards stay independent yet reproducible.
        var seed = (query.Seed ?? 0) ^ ((ulong)Shard * 0x9E3779B97F4A7C15UL);
        var random = new Random(unchecked((int)seed ^ (int)(seed >> 32)));

        // Known shortcoming: the pool is the top by posterior mean, which can starve uncertain arms of a
        // very large shard; a quantile-based pool belongs to the exploration policies.
        var ranked = _byMean.Take(options.Value.CandidatePoolSize)
            .Select(e => _arms[e.PostId])
            .Select(arm => new RankedArm(arm, BetaSampler.Sample(random, arm.Alpha, arm.Beta)))
            .ToList();
        ranked.Sort(RankEntry.Compare);
        return ranked.Take(query.K).ToArray();
    }

    private void Upsert(ArmSnapshot arm)
    {
        if (_arms.TryGetValue(arm.PostId, out var held))
        {
            if (held.Version >= arm.Version)
            {
                return;
            }

            _byMean.Remove(new RankEntry(held.PosteriorMean, held.PostId));
        }

        _arms[arm.PostId] = arm;
        _byMean.Add(new RankEntry(arm.PosteriorMean, arm.PostId));
    }
}
