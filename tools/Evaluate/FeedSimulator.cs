using System.Globalization;
using Bandit.Grains;
using Bandit.Ranking;

namespace Bandit.Tools.Evaluate;

/// <summary>
/// A feed whose posts have known click rates, served by the service's own ranking code: the arm book a ranker
/// shard keeps and the merge a ranking grain does, with evidence fed back in batches as the ingest path does.
/// </summary>
internal static class FeedSimulator
{
    /// <summary>Runs one policy from a cold start; returns the totals at each checkpoint.</summary>
    public static IReadOnlyList<SimulationCheckpoint> Run(IReadOnlyList<double> clickRates, SimulationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(clickRates);
        ArgumentNullException.ThrowIfNull(settings);

        var arms = clickRates.Count;
        var ids = Enumerable.Range(0, arms).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();
        var index = ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i, StringComparer.Ordinal);
        var prior = settings.Prior ?? new ArmPrior(1.0, 1.0);
        var oracle = clickRates.OrderDescending().Take(settings.Slots).ToArray();

        var book = new ArmBook(settings.Book);
        var impressions = new long[arms];
        var clicks = new long[arms];
        var pendingImpressions = new long[arms];
        var pendingClicks = new long[arms];
        long version = 0, served = 0, clicked = 0, round = 0;
        Publish();

        var random = new Random(unchecked((int)settings.Seed ^ (int)(settings.Seed >> 32)));
        var checkpoints = settings.Checkpoints.Order().ToArray();
        var results = new List<SimulationCheckpoint>(checkpoints.Length);
        var regret = 0.0;
        var next = 0;
        while (served < settings.Impressions && next < checkpoints.Length)
        {
            var query = new TopKQuery(settings.Slots, settings.Policy);
            if (query.IsRandomized)
            {
                query = query with { Seed = (ulong)random.NextInt64() };
            }

            var ranking = RankingMerge.Merge(query, [ShardRanking.Answer(book, query, 0)], settings.Epsilon);
            for (var slot = 0; slot < ranking.Length && served < settings.Impressions; slot++)
            {
                var arm = index[ranking[slot].Arm.PostId];
                pendingImpressions[arm]++;
                served++;
                regret += oracle[slot] - clickRates[arm];
                if (random.NextDouble() < clickRates[arm])
                {
                    pendingClicks[arm]++;
                    clicked++;
                }

                while (next < checkpoints.Length && served == checkpoints[next])
                {
                    results.Add(new SimulationCheckpoint(served, clicked, regret));
                    next++;
                }
            }

            if (++round % settings.RefreshEveryRounds == 0)
            {
                Publish();
            }
        }

        return results;

        // The ranker sees new evidence only in batches, as it does behind the stream.
        void Publish()
        {
            version++;
            for (var i = 0; i < arms; i++)
            {
                if (version > 1 && pendingImpressions[i] == 0 && pendingClicks[i] == 0)
                {
                    continue;
                }

                impressions[i] += pendingImpressions[i];
                clicks[i] += pendingClicks[i];
                pendingImpressions[i] = pendingClicks[i] = 0;
                book.Upsert(new ArmSnapshot(
                    ids[i], prior.Alpha, prior.Beta, impressions[i], clicks[i], round, version, impressions[i],
                    clicks[i]));
            }
        }
    }
}
