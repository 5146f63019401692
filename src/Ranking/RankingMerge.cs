using Bandit.Grains;

namespace Bandit.Ranking;

/// <summary>Combines the shards' answers into one ranking: the second half of every policy.</summary>
public static class RankingMerge
{
    /// <summary>The final ranking of <paramref name="query"/>, best first, with propensities where defined.</summary>
    /// <param name="query">The query; randomized policies need its seed.</param>
    /// <param name="answers">One answer per shard, in shard order.</param>
    /// <param name="epsilon">Exploration probability of <see cref="RankingPolicy.EpsilonGreedy"/>.</param>
    public static RankedArm[] Merge(TopKQuery query, IReadOnlyList<ShardAnswer> answers, double epsilon)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(answers);

        return query.Policy switch
        {
            // Deterministic given the evidence: each post had probability 1 of its place.
            RankingPolicy.PosteriorMean or RankingPolicy.BayesUcb => ByScore(answers, query.K, propensity: 1.0),

            // Thompson sampling's propensities have no closed form (an integral over all posteriors).
            RankingPolicy.ThompsonSampling => ByScore(answers, query.K, propensity: null),
            RankingPolicy.EpsilonGreedy => FillSlots(query, answers, epsilon),
            RankingPolicy.UniformRandom => FillSlots(query, answers, epsilon: 1.0),
            _ => throw new ArgumentOutOfRangeException(nameof(query), query.Policy, "Unknown ranking policy."),
        };
    }

    private static RankedArm[] ByScore(IReadOnlyList<ShardAnswer> answers, int k, double? propensity)
    {
        var merged = answers.SelectMany(a => a.Best).ToList();
        merged.Sort(RankEntry.Compare);
        return merged.Take(k).Select(arm => arm with { Propensity = propensity }).ToArray();
    }

    // Slot by slot: the best post not yet placed, or with probability epsilon a post drawn uniformly from all
    // not yet placed. Drawing a shard in proportion to its unplaced arms and then its next unplaced random
    // arm is exactly such a uniform draw.
    private static RankedArm[] FillSlots(TopKQuery query, IReadOnlyList<ShardAnswer> answers, double epsilon)
    {
        var random = RandomStreams.For(
            query.Seed ?? throw new ArgumentException("A randomized query needs a seed.", nameof(query)),
            RandomStreams.Merge);
        var greedy = answers.SelectMany((a, shard) => a.Best.Select(arm => (Arm: arm, Shard: shard))).ToList();
        greedy.Sort((x, y) => RankEntry.Compare(x.Arm, y.Arm));

        var unplaced = answers.Select(a => a.ArmCount).ToArray();
        var cursors = new int[answers.Count];
        var placed = new HashSet<string>(StringComparer.Ordinal);
        var total = unplaced.Sum();
        var ranking = new List<RankedArm>(Math.Min(query.K, total));
        var next = 0;
        for (var slot = 0; slot < query.K && slot < total; slot++)
        {
            while (next < greedy.Count && placed.Contains(greedy[next].Arm.Arm.PostId))
            {
                next++;
            }

            var remaining = total - slot;
            var exploit = next < greedy.Count ? greedy[next] : ((RankedArm Arm, int Shard)?)null;
            var explore = exploit is null ? 1.0 : epsilon;
            var pick = random.NextDouble() < explore ? DrawUniform(remaining) : exploit;
            if (pick is not { } chosen)
            {
                break;
            }

            var propensity = explore / remaining
                + (exploit is { } e && e.Arm.Arm.PostId == chosen.Arm.Arm.PostId ? 1.0 - explore : 0.0);
            placed.Add(chosen.Arm.Arm.PostId);
            unplaced[chosen.Shard]--;
            ranking.Add(chosen.Arm with { Propensity = propensity });
        }

        return [.. ranking];

        (RankedArm Arm, int Shard)? DrawUniform(int remaining)
        {
            var target = random.Next(remaining);
            for (var shard = 0; shard < answers.Count; shard++)
            {
                if (target >= unplaced[shard])
                {
                    target -= unplaced[shard];
                    continue;
                }

                var candidates = answers[shard].Random;
                while (cursors[shard] < candidates.Length)
                {
                    var arm = candidates[cursors[shard]++];
                    if (!placed.Contains(arm.Arm.PostId))
                    {
                        return (arm, shard);
                    }
                }

                return null;
            }

            return null;
        }
    }
}
