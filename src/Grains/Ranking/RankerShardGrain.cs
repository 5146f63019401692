using Bandit.Grains.Arms;
using Bandit.Ranking;
using Microsoft.Extensions.Options;

namespace Bandit.Grains.Ranking;

/// <summary>
/// Holds every arm of one shard in an <see cref="ArmBook"/>. Kept in memory only: on activation it rebuilds
/// from the post directory and the arms themselves, which are the durable truth.
/// </summary>
[GrainType("ranker-shard")]
internal sealed class RankerShardGrain(IOptions<RankingOptions> options, IOptions<ArmOptions> armOptions)
    : Grain, IRankerShardGrain
{
    private readonly ArmBook _book = new(options.Value.ToBookSettings(armOptions.Value.HalfLife));

    // Retired posts: an older state still on its way must not bring one back.
    private readonly HashSet<string> _retired = new(StringComparer.Ordinal);

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
                    Take(snapshot);
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
            Take(arm);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task RemoveAsync(string postId)
    {
        ArgumentException.ThrowIfNullOrEmpty(postId);

        _retired.Add(postId);
        _book.Remove(postId);
        return Task.CompletedTask;
    }

    private void Take(ArmSnapshot arm)
    {
        if (arm.Retired)
        {
            _retired.Add(arm.PostId);
            _book.Remove(arm.PostId);
        }
        else if (!_retired.Contains(arm.PostId))
        {
            _book.Upsert(arm);
        }
    }

    /// <inheritdoc/>
    public Task<EvidenceSummary> GetEvidenceSummaryAsync(long minImpressions)
    {
        var summary = EvidenceSummary.Empty;
        foreach (var arm in _book.Arms)
        {
            if (arm.Impressions < Math.Max(1, minImpressions))
            {
                continue;
            }

            // Clicks may outrun impressions for a while (they arrive separately); a rate is at most 1.
            var rate = Math.Min(1.0, (double)arm.Clicks / arm.Impressions);
            summary = summary.Add(new EvidenceSummary(1, rate, rate * rate, rate * (1.0 - rate) / arm.Impressions));
        }

        return Task.FromResult(summary);
    }

    /// <inheritdoc/>
    public Task<ShardAnswer> GetTopAsync(TopKQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);

        return Task.FromResult(ShardRanking.Answer(_book, query, Shard));
    }
}
