namespace Bandit.Ranking;

/// <summary>
/// Keeps in order only the leading arms under one score, not all of them: every entry at or above a cutoff.
/// Queries read at most a few thousand leaders, and most updates of a million arms happen far below the
/// cutoff, where they cost one comparison instead of two tree operations. When too few leaders remain the
/// set is refilled from every arm in O(n); when too many gathered, the worst are dropped.
/// </summary>
/// <param name="minimum">Leaders a query may need; the set refills below this and keeps 4x after a refill.</param>
internal sealed class LeadingArms(int minimum)
{
    private readonly SortedSet<SlotEntry> _leaders = [];

    // Null while every arm is a leader.
    private SlotEntry? _cutoff;

    /// <summary>The leaders, best first.</summary>
    public IEnumerable<SlotEntry> InOrder => _leaders;

    /// <summary>Number of leaders held.</summary>
    public int Count => _leaders.Count;

    /// <summary>Moves an arm from its old entry to its new one; either may be absent.</summary>
    public void Replace(SlotEntry? old, SlotEntry? now)
    {
        if (old is { } before && Admits(before))
        {
            _leaders.Remove(before);
        }

        if (now is { } after && Admits(after))
        {
            _leaders.Add(after);
        }

        if (_leaders.Count > 8 * minimum)
        {
            Trim(4 * minimum);
        }
    }

    /// <summary>True when fewer leaders are held than queries need, though more arms exist.</summary>
    public bool IsStarved(int arms) => _leaders.Count < minimum && _leaders.Count < arms;

    /// <summary>Chooses the leaders again from every arm's entry (the first <paramref name="count"/> of
    /// <paramref name="all"/>, which it reorders).</summary>
    public void Refill(SlotEntry[] all, int count)
    {
        ArgumentNullException.ThrowIfNull(all);

        _leaders.Clear();
        var keep = 4 * minimum;
        if (count <= keep)
        {
            _cutoff = null;
            foreach (var entry in all.AsSpan(0, count))
            {
                _leaders.Add(entry);
            }

            return;
        }

        Selection.Best(all, count, keep);
        foreach (var entry in all.AsSpan(0, keep))
        {
            _leaders.Add(entry);
        }

        _cutoff = _leaders.Max;
    }

    private bool Admits(SlotEntry entry) => _cutoff is not { } cutoff || entry.CompareTo(cutoff) <= 0;

    private void Trim(int keep)
    {
        while (_leaders.Count > keep)
        {
            _leaders.Remove(_leaders.Max);
        }

        _cutoff = _leaders.Max;
    }
}
