namespace Bandit.Ranking;

/// <summary>
/// An arm's place under one score: higher score first, then post id in ordinal order for ties. Carries the
/// slot itself, so that walking an order needs no lookups.
/// </summary>
internal readonly record struct SlotEntry(double Score, ArmSlot Slot) : IComparable<SlotEntry>
{
    public int CompareTo(SlotEntry other)
    {
        var byScore = other.Score.CompareTo(Score);
        return byScore != 0 ? byScore : string.CompareOrdinal(Slot.PostId, other.Slot.PostId);
    }
}
