using Bandit.Grains;
using Bandit.Ranking;

namespace Bandit.Tests.Ranking;

public sealed class EvidenceDecayTests
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    [Fact]
    public void Weight_OneHalfLife_IsOneHalf_AndNoHalfLifeIsOne()
    {
        Assert.Equal(0.5, EvidenceDecay.Weight((long)Hour.TotalMilliseconds, Hour), 15);
        Assert.Equal(0.125, EvidenceDecay.Weight(3 * (long)Hour.TotalMilliseconds, Hour), 15);
        Assert.Equal(1.0, EvidenceDecay.Weight(1_000_000_000, halfLife: null));
    }

    [Fact]
    public void WeighedEvidence_AnyArrivalOrder_GivesTheSameSums()
    {
        // Arrange: 200 events over ten hours, half-life one hour, some clicks.
        var random = new Random(5);
        var events = Enumerable.Range(0, 200)
            .Select(i => (Time: (long)random.Next(0, 36_000_000), Click: i % 7 == 0))
            .ToList();
        var inOrder = events.OrderBy(e => e.Time).ToList();
        var shuffled = events.OrderBy(_ => random.Next()).ToList();

        // Act
        var first = inOrder.Aggregate(default(WeighedEvidence), (sum, e) => sum.Add(e.Time, e.Click, Hour));
        var second = shuffled.Aggregate(default(WeighedEvidence), (sum, e) => sum.Add(e.Time, e.Click, Hour));

        // Assert: both equal the direct sum of 2^(-age / half-life) at the newest event time.
        var newest = events.Max(e => e.Time);
        var expected = events.Where(e => !e.Click).Sum(e => Math.Pow(2, -(newest - e.Time) / Hour.TotalMilliseconds));
        Assert.Equal(newest, second.AsOfUnixMs);
        Assert.Equal(expected, first.Impressions, 9);
        Assert.Equal(expected, second.Impressions, 9);
        Assert.Equal(first.Clicks, second.Clicks, 9);
    }

    [Fact]
    public void PosteriorOf_OldPopularPost_FallsBackTowardItsPrior()
    {
        // Arrange: 100 clicks in 1,000 impressions, the newest two hours before stream time.
        var arm = new ArmSnapshot("old", 1, 99, 1000, 100, LastEventTimeUnixMs: 0, 1, 1000, 100);
        var now = 2 * (long)Hour.TotalMilliseconds;

        // Act
        var fresh = Posterior.Of(arm, 0, Hour);
        var aged = Posterior.Of(arm, now, Hour);

        // Assert: two half-lives leave a quarter of the evidence: 25 clicks, 225 misses.
        Assert.Equal((101.0, 999.0), (fresh.Alpha, fresh.Beta));
        Assert.Equal(26.0, aged.Alpha, 12);
        Assert.Equal(324.0, aged.Beta, 12);
    }

    [Fact]
    public void ArmBook_WithDecay_RanksAStalePostBelowAFreshOneOfLowerRate()
    {
        // Arrange: "stale" had 20% over 1,000 impressions, three days ago; "fresh" has 10% over 200, now.
        var day = (long)TimeSpan.FromDays(1).TotalMilliseconds;
        var book = new ArmBook(new ArmBookSettings(HalfLife: TimeSpan.FromHours(6)));
        book.Upsert(new ArmSnapshot("stale", 1, 99, 1000, 200, 0, 1, 1000, 200));
        book.Upsert(new ArmSnapshot("fresh", 1, 99, 200, 20, 3 * day, 1, 200, 20));

        // Act
        var top = book.TopByMean(2);

        // Assert: stale keeps 1/4096 of its evidence and sits at its prior mean, 1%; fresh is at 21/300 = 7%.
        Assert.Equal(["fresh", "stale"], top.Select(r => r.Arm.PostId));
        Assert.Equal(21.0 / 300.0, top[0].Score, 12);
    }
}
