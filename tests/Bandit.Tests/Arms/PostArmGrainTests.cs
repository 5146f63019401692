using Bandit.Grains;
using Bandit.Tests.Fixtures;

namespace Bandit.Tests.Arms;

[Collection(GrainClusterCollection.Name)]
public sealed class PostArmGrainTests(GrainClusterFixture fixture)
{
    private const double A = GrainClusterFixture.PriorAlpha;
    private const double B = GrainClusterFixture.PriorBeta;

    [Fact]
    public async Task Apply_ImpressionsAndClicks_CountsOnTopOfConfiguredPrior()
    {
        // Arrange
        var arm = fixture.Grains.GetGrain<IPostArmGrain>(NewPostId());

        // Act: five impressions, two of them clicked.
        var snapshot = await arm.ApplyAsync(Batch(0, Imp(1), Imp(2), Clk(3), Imp(4), Imp(5), Clk(6), Imp(7)));

        // Assert
        Assert.Equal((5L, 2L), (snapshot.Impressions, snapshot.Clicks));
        Assert.Equal((A, B), (snapshot.PriorAlpha, snapshot.PriorBeta));
        Assert.Equal(A + 2, snapshot.Alpha);
        Assert.Equal(B + 3, snapshot.Beta);
        Assert.Equal((A + 2) / (A + 2 + B + 3), snapshot.PosteriorMean, 12);
        Assert.Equal(7_000, snapshot.LastEventTimeUnixMs);
    }

    [Fact]
    public async Task Apply_ClickBeforeItsImpression_NeverDrivesBetaBelowThePrior()
    {
        // Arrange
        var arm = fixture.Grains.GetGrain<IPostArmGrain>(NewPostId());

        // Act: two clicks arrive before any impression, then their impressions.
        var early = await arm.ApplyAsync(Batch(0, Clk(1), Clk(2)));
        var reconciled = await arm.ApplyAsync(Batch(0, Imp(3), Imp(4), Imp(5)));

        // Assert: beta holds at the prior while clicks outnumber impressions, then the counts reconcile.
        Assert.Equal((A + 2, B), (early.Alpha, early.Beta));
        Assert.Equal((A + 2, B + 1), (reconciled.Alpha, reconciled.Beta));
    }

    [Fact]
    public async Task Apply_RedeliveredOffsets_CountOnce()
    {
        // Arrange
        var arm = fixture.Grains.GetGrain<IPostArmGrain>(NewPostId());
        await arm.ApplyAsync(Batch(3, Imp(10), Clk(11)));

        // Act: the same records again, then a batch that overlaps them and goes further.
        var again = await arm.ApplyAsync(Batch(3, Imp(10), Clk(11)));
        var overlap = await arm.ApplyAsync(Batch(3, Clk(11), Imp(12)));

        // Assert
        Assert.Equal((1L, 1L), (again.Impressions, again.Clicks));
        Assert.Equal((2L, 1L), (overlap.Impressions, overlap.Clicks));
    }

    [Fact]
    public async Task Apply_OffsetsOfAnotherPartition_AreTrackedSeparately()
    {
        // Arrange
        var arm = fixture.Grains.GetGrain<IPostArmGrain>(NewPostId());
        await arm.ApplyAsync(Batch(0, Imp(100)));

        // Act: a lower offset, but in another partition.
        var snapshot = await arm.ApplyAsync(Batch(1, Imp(5)));

        // Assert
        Assert.Equal(2, snapshot.Impressions);
    }

    [Fact]
    public async Task Apply_SameEventIdWrittenTwice_CountsOnce()
    {
        // Arrange: a client retried a click, so the same event id sits at two offsets.
        var arm = fixture.Grains.GetGrain<IPostArmGrain>(NewPostId());
        var click = EventKeys.Of("click-7");

        // Act
        await arm.ApplyAsync(Batch(0, Imp(1, EventKeys.Of("imp-1")), Clk(2, click)));
        var snapshot = await arm.ApplyAsync(Batch(0, Clk(3, click), Imp(4, EventKeys.Of("imp-2"))));

        // Assert
        Assert.Equal((2L, 1L), (snapshot.Impressions, snapshot.Clicks));
    }

    [Fact]
    public async Task Apply_RepeatOutsideTheWindow_CountsAgain()
    {
        // Arrange: the window holds the last 64 event ids of the post.
        var arm = fixture.Grains.GetGrain<IPostArmGrain>(NewPostId());
        var first = EventKeys.Of("first");
        var others = Enumerable.Range(0, 64).Select(i => Imp(2 + i, EventKeys.Of($"other-{i}"))).ToArray();

        // Act: 64 other events push the first id out of the window before it comes again.
        await arm.ApplyAsync(Batch(0, Imp(1, first)));
        await arm.ApplyAsync(Batch(0, others));
        var snapshot = await arm.ApplyAsync(Batch(0, Imp(100, first)));

        // Assert
        Assert.Equal(66, snapshot.Impressions);
    }

    [Fact]
    public async Task Get_UnknownPost_ReturnsNull()
    {
        var snapshot = await fixture.Grains.GetGrain<IPostArmGrain>(NewPostId()).GetAsync();

        Assert.Null(snapshot);
    }

    [Fact]
    public async Task Apply_FirstEvent_ListsThePostInItsDirectoryBucket()
    {
        // Arrange
        var postId = NewPostId();

        // Act
        await fixture.Grains.GetGrain<IPostArmGrain>(postId).ApplyAsync(Batch(0, Imp(1)));

        // Assert
        var bucket = fixture.Grains.GetGrain<IPostDirectoryGrain>(PostSharding.DirectoryBucketOf(postId));
        Assert.Contains(postId, await bucket.GetPostIdsAsync());
    }

    [Fact]
    public async Task Apply_Versions_GrowWithEveryChangeOnly()
    {
        var arm = fixture.Grains.GetGrain<IPostArmGrain>(NewPostId());

        var first = await arm.ApplyAsync(Batch(0, Imp(1)));
        var replay = await arm.ApplyAsync(Batch(0, Imp(1)));
        var second = await arm.ApplyAsync(Batch(0, Imp(2)));

        Assert.Equal([1L, 1L, 2L], [first.Version, replay.Version, second.Version]);
    }

    private static string NewPostId() => "arm-" + Guid.NewGuid().ToString("N");

    private static ArmEventBatch Batch(int partition, params ArmEvent[] events) => new(partition, events);

    private static ArmEvent Imp(long offset, ulong eventKey = 0) =>
        new(offset, ArmEventKind.Impression, offset * 1000, eventKey);

    private static ArmEvent Clk(long offset, ulong eventKey = 0) =>
        new(offset, ArmEventKind.Click, offset * 1000, eventKey);
}
