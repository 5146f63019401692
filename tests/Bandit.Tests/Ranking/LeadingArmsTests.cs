using Bandit.Grains;
using Bandit.Ranking;

namespace Bandit.Tests.Ranking;

/// <summary>Keeping only the leading arms in order must give the same leaders as ordering every arm.</summary>
public sealed class LeadingArmsTests
{
    [Fact]
    public void Replace_RandomUpdatesAndRemovals_LeadersMatchAFullSort()
    {
        // Arrange: 3,000 arms against a minimum of 40, so trims and refills both happen many times.
        const int minimum = 40;
        var random = new Random(11);
        var leaders = new LeadingArms(minimum);
        var held = new Dictionary<int, SlotEntry>();
        for (var i = 0; i < 3_000; i++)
        {
            held[i] = Entry(i, random.Next(100) / 100.0);
            leaders.Replace(null, held[i]);
        }

        // Act and assert after every step: updates, removals, re-additions; scores tie often (100 values).
        for (var step = 0; step < 20_000; step++)
        {
            var id = random.Next(3_000);
            var old = held.TryGetValue(id, out var entry) ? entry : (SlotEntry?)null;
            SlotEntry? now = random.Next(10) == 0 && old is not null ? null : Entry(id, random.Next(100) / 100.0);
            leaders.Replace(old, now);
            if (now is { } added)
            {
                held[id] = added;
            }
            else
            {
                held.Remove(id);
            }

            if (leaders.IsStarved(held.Count))
            {
                leaders.Refill([.. held.Values], held.Count);
            }

            if (step % 97 == 0)
            {
                var expected = held.Values.Order().Take(minimum).Select(e => e.Slot.PostId);
                Assert.Equal(expected, leaders.InOrder.Take(minimum).Select(e => e.Slot.PostId));
            }
        }

        Assert.InRange(leaders.Count, minimum, 8 * minimum);
    }

    [Fact]
    public void ArmBook_FortyThousandArms_TopByMeanAndUpperBoundMatchAFullSort()
    {
        // Arrange: more arms than the book keeps in order, updated many times over.
        var random = new Random(3);
        var book = new ArmBook(new ArmBookSettings());
        var arms = new Dictionary<string, ArmSnapshot>();
        for (var step = 0; step < 120_000; step++)
        {
            var id = $"p{random.Next(40_000):00000}";
            var before = arms.GetValueOrDefault(id);
            var impressions = (before?.Impressions ?? 0) + 1;
            var clicks = (before?.Clicks ?? 0) + (random.Next(20) == 0 ? 1 : 0);
            var version = (before?.Version ?? 0) + 1;
            var arm = new ArmSnapshot(id, 1, 1, impressions, clicks, 0, version, impressions, clicks);
            arms[id] = arm;
            book.Upsert(arm);
        }

        // Act
        var byMean = book.TopByMean(1_000);
        var byUpper = book.TopByUpperBound(50);

        // Assert: the same arms and scores as scoring every arm and sorting.
        var expectedMean = arms.Values
            .Select(a => (a.PostId, Score: Posterior.Of(a, 0, null).Mean))
            .OrderByDescending(a => a.Score).ThenBy(a => a.PostId, StringComparer.Ordinal).Take(1_000);
        Assert.Equal(expectedMean, byMean.Select(r => (r.Arm.PostId, r.Score)));
        var expectedUpper = arms.Values
            .Select(a => (a.PostId, Score: Posterior.Of(a, 0, null).Quantile(0.999)))
            .OrderByDescending(a => a.Score).ThenBy(a => a.PostId, StringComparer.Ordinal).Take(50);
        Assert.Equal(expectedUpper, byUpper.Select(r => (r.Arm.PostId, r.Score)));
        Assert.Equal(arms.Count, book.Count);
    }

    private static SlotEntry Entry(int id, double score) => new(score, new ArmSlot($"a{id:0000}", id));
}
