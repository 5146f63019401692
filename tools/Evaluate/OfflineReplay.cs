using Bandit.ClickLogs;
using Bandit.Grains;
using Bandit.Ranking;

namespace Bandit.Tools.Evaluate;

/// <summary>
/// Off-policy evaluation of a learning policy on a log collected by uniformly random slates. Replay (Li et al.,
/// WSDM 2011): walk the log in order, let the policy rank, and keep a row only when the policy put the logged
/// post at the logged position; the kept rows are an unbiased sample of what the policy would have seen, and
/// only they teach it. Inverse propensity weighting: every row counts, a match weighs its click by 1 / the
/// logged propensity, a miss counts zero.
/// </summary>
internal static class OfflineReplay
{
    public static ReplayEstimate Run(IReadOnlyList<ClickLogRow> rows, PolicyVariant policy, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(policy);

        var book = new ArmBook(policy.Book);
        var counts = new Dictionary<string, (long Impressions, long Clicks, long Version)>(StringComparer.Ordinal);
        foreach (var postId in rows.Select(r => r.PostId).Distinct())
        {
            counts[postId] = (0, 0, 1);
            book.Upsert(new ArmSnapshot(postId, 1.0, 1.0, 0, 0, 0, 1, 0, 0));
        }

        var slots = rows.Max(r => r.Position);
        var random = new Random(unchecked((int)seed));
        long accepted = 0, acceptedClicks = 0;
        double ipwSum = 0, ipwSquares = 0;
        foreach (var row in rows)
        {
            var query = new TopKQuery(slots, policy.Policy);
            if (query.IsRandomized)
            {
                query = query with { Seed = (ulong)random.NextInt64() };
            }

            var ranking = RankingMerge.Merge(query, [ShardRanking.Answer(book, query, 0)], policy.Epsilon);
            if (ranking.Length < row.Position || ranking[row.Position - 1].Arm.PostId != row.PostId)
            {
                continue;
            }

            accepted++;
            var click = row.Clicked ? 1 : 0;
            acceptedClicks += click;
            var weighted = click / row.Propensity!.Value;
            ipwSum += weighted;
            ipwSquares += weighted * weighted;

            var (impressions, clicks, version) = counts[row.PostId];
            counts[row.PostId] = (impressions + 1, clicks + click, version + 1);
            book.Upsert(new ArmSnapshot(
                row.PostId, 1.0, 1.0, impressions + 1, clicks + click, row.Timestamp.ToUnixTimeMilliseconds(),
                version + 1, impressions + 1, clicks + click));
        }

        return new ReplayEstimate(
            Interval.Wilson(acceptedClicks, accepted),
            accepted,
            acceptedClicks,
            Interval.OfMean(ipwSum, ipwSquares, rows.Count));
    }
}
