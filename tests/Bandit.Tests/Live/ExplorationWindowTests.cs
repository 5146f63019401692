using Bandit.Gateway.Live;

namespace Bandit.Tests.Live;

public sealed class ExplorationWindowTests
{
    [Fact]
    public void Classify_PostsOffTheGreedyPosition_CountAsExplored()
    {
        // Arrange
        string[] greedy = ["a", "b", "c", "d"];

        // Act: b and c swapped, and a post the greedy ranking puts elsewhere in the last slot.
        var (explored, counted) = ExplorationWindow.Classify(["a", "c", "b", "x"], greedy);

        // Assert
        Assert.Equal((3L, 4L), (explored, counted));
    }

    [Fact]
    public void Classify_SlotsDeeperThanTheGreedyRanking_AreNotCounted()
    {
        var (explored, counted) = ExplorationWindow.Classify(["a", "b", "c"], ["a"]);

        Assert.Equal((0L, 1L), (explored, counted));
    }

    [Fact]
    public void Totals_OldSeconds_LeaveTheWindow()
    {
        // Arrange: a 10-second window.
        var window = new ExplorationWindow(10);
        window.Add(1_000_000, explored: 3, counted: 4);
        window.Add(1_005_000, explored: 0, counted: 4);

        // Act
        var within = window.Totals(1_009_999);
        var later = window.Totals(1_010_500);
        window.Add(1_020_000, explored: 1, counted: 1);
        var reused = window.Totals(1_020_000);

        // Assert: the first second falls out after 10 s; a reused bucket starts from zero.
        Assert.Equal((3L, 8L), within);
        Assert.Equal((0L, 4L), later);
        Assert.Equal((1L, 1L), reused);
    }
}
