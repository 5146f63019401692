using Bandit.Grains;

namespace Bandit.Ranking;

/// <summary>One arm held by an <see cref="ArmBook"/>, with its scores as of its last update.</summary>
internal sealed class ArmSlot(string postId, int index)
{
    public string PostId { get; } = postId;

    public ArmFigures Figures { get; set; }

    /// <summary>The arm as a snapshot: made on demand, for the few arms a query returns.</summary>
    public ArmSnapshot Arm => Figures.ToSnapshot(PostId);

    /// <summary>Position in the book's dense id list, for uniform draws.</summary>
    public int Index { get; set; } = index;

    public SlotEntry ByMean { get; set; }

    public SlotEntry ByUpperBound { get; set; }

    /// <summary>The last Thompson draw that offered this arm, so an arm is offered once per draw.</summary>
    public long OfferedIn { get; set; }
}
