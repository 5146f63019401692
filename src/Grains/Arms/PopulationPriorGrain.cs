using Bandit.Grains.Ranking;
using Microsoft.Extensions.Options;

namespace Bandit.Grains.Arms;

/// <inheritdoc cref="IPopulationPriorGrain"/>
[GrainType("population-prior")]
internal sealed class PopulationPriorGrain(
    IOptions<ArmOptions> options,
    IOptions<RankingOptions> rankingOptions,
    TimeProvider time) : Grain, IPopulationPriorGrain
{
    private ArmPrior? _estimate;
    private DateTimeOffset _estimatedAt = DateTimeOffset.MinValue;

    /// <inheritdoc/>
    public async Task<ArmPrior?> GetAsync()
    {
        var settings = options.Value.PopulationPrior;
        if (time.GetUtcNow() - _estimatedAt < settings.Refresh)
        {
            return _estimate;
        }

        var summaries = await Task.WhenAll(Enumerable.Range(0, rankingOptions.Value.ShardCount)
            .Select(shard => GrainFactory.GetGrain<IArmShardGrain>(shard)
                .GetEvidenceSummaryAsync(settings.MinImpressions)));
        var total = summaries.Aggregate(EvidenceSummary.Empty, (sum, s) => sum.Add(s));
        _estimate = total.Arms >= settings.MinArms ? PopulationPrior.Fit(total, settings.MaxStrength) : null;
        _estimatedAt = time.GetUtcNow();
        return _estimate;
    }
}
