using Bandit.Grains;

namespace Bandit.Ranking;

/// <summary>
/// Every arm of one ranker shard, indexed for each policy: ordered by posterior mean (greedy), ordered by
/// an upper posterior quantile (Bayes-UCB, and the candidate pool of Thompson sampling), and in a list for
/// uniform draws. Updates cost O(log n); not thread-safe (a grain owns it).
/// </summary>
public sealed class ArmBook(ArmBookSettings settings)
{
    private readonly Dictionary<string, Slot> _slots = new(StringComparer.Ordinal);
    private readonly SortedSet<RankEntry> _byMean = [];
    private readonly SortedSet<RankEntry> _byUpperBound = [];
    private readonly List<string> _ids = [];
    private readonly Queue<string> _newest = new();

    /// <summary>The settings in force.</summary>
    public ArmBookSettings Settings { get; } = settings ?? throw new ArgumentNullException(nameof(settings));

    /// <summary>Number of arms held.</summary>
    public int Count => _slots.Count;

    /// <summary>
    /// Newest event time of any arm held: the "now" that decayed evidence is weighed at, so that replaying
    /// an old log ranks as it would have ranked then.
    /// </summary>
    public long StreamTimeUnixMs { get; private set; }

    /// <summary>Every arm held, in no particular order.</summary>
    public IEnumerable<ArmSnapshot> Arms => _slots.Values.Select(s => s.Arm);

    /// <summary>The arm held for a post, or <c>null</c>.</summary>
    public ArmSnapshot? Get(string postId) => _slots.TryGetValue(postId, out var slot) ? slot.Arm : null;

    /// <summary>Takes the newer state of an arm; returns false when the held version is as new or newer.</summary>
    public bool Upsert(ArmSnapshot arm)
    {
        ArgumentNullException.ThrowIfNull(arm);

        if (_slots.TryGetValue(arm.PostId, out var slot))
        {
            if (slot.Arm.Version >= arm.Version)
            {
                return false;
            }

            _byMean.Remove(slot.ByMean);
            _byUpperBound.Remove(slot.ByUpperBound);
        }
        else
        {
            slot = new Slot { Index = _ids.Count };
            _slots.Add(arm.PostId, slot);
            _ids.Add(arm.PostId);
            RememberNew(arm.PostId);
        }

        // Keys are scored at the arm's own last event; decay only shrinks evidence, so they stay close.
        var posterior = Posterior.Of(arm, arm.LastEventTimeUnixMs, Settings.HalfLife);
        slot.Arm = arm;
        slot.ByMean = new RankEntry(posterior.Mean, arm.PostId);
        slot.ByUpperBound = new RankEntry(posterior.Quantile(Settings.UpperQuantile), arm.PostId);
        _byMean.Add(slot.ByMean);
        _byUpperBound.Add(slot.ByUpperBound);
        StreamTimeUnixMs = Math.Max(StreamTimeUnixMs, arm.LastEventTimeUnixMs);
        return true;
    }

    /// <summary>Forgets an arm; returns false when it was not held.</summary>
    public bool Remove(string postId)
    {
        if (!_slots.Remove(postId, out var slot))
        {
            return false;
        }

        _byMean.Remove(slot.ByMean);
        _byUpperBound.Remove(slot.ByUpperBound);

        // Swap-remove keeps the id list dense for uniform draws.
        var last = _ids[^1];
        _ids[slot.Index] = last;
        _ids.RemoveAt(_ids.Count - 1);
        if (last != postId)
        {
            _slots[last].Index = slot.Index;
        }

        return true;
    }

    /// <summary>The <paramref name="k"/> arms with the highest posterior mean.</summary>
    public RankedArm[] TopByMean(int k) =>
        Top(_byMean, k, (arm, posterior) => posterior.Mean);

    /// <summary>The <paramref name="k"/> arms with the highest upper posterior quantile (Bayes-UCB).</summary>
    public RankedArm[] TopByUpperBound(int k) =>
        Top(_byUpperBound, k, (arm, posterior) => posterior.Quantile(Settings.UpperQuantile));

    /// <summary>
    /// Thompson sampling: one posterior draw per candidate, the <paramref name="k"/> highest draws. Candidates
    /// are the <see cref="ArmBookSettings.CandidatePoolSize"/> arms with the highest upper quantile plus the
    /// <see cref="ArmBookSettings.NewArmSlots"/> newest arms. An arm outside the pool can only have won with a
    /// draw above its own upper quantile, which happens with probability 1 - quantile, and even then only
    /// if that draw also beat the pool's k-th best draw.
    /// </summary>
    public RankedArm[] SampleTop(int k, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);

        var best = new PriorityQueue<Slot, RankEntry>(k + 1, ReverseOrder.Instance);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in _byUpperBound.Take(Settings.CandidatePoolSize))
        {
            seen.Add(entry.PostId);
            Offer(_slots[entry.PostId]);
        }

        foreach (var postId in _newest)
        {
            if (_slots.TryGetValue(postId, out var slot) && seen.Add(postId))
            {
                Offer(slot);
            }
        }

        var ranked = new RankedArm[best.Count];
        for (var i = ranked.Length - 1; i >= 0; i--)
        {
            best.TryDequeue(out var slot, out var entry);
            ranked[i] = new RankedArm(slot!.Arm, entry.Score);
        }

        return ranked;

        void Offer(Slot slot)
        {
            var draw = Posterior.Of(slot.Arm, StreamTimeUnixMs, Settings.HalfLife)
                .Sample(random, Settings.ThompsonVarianceScale);
            best.Enqueue(slot, new RankEntry(draw, slot.Arm.PostId));
            if (best.Count > k)
            {
                best.Dequeue();
            }
        }
    }

    /// <summary>Up to <paramref name="count"/> distinct arms in uniformly random order.</summary>
    public RankedArm[] RandomArms(int count, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);

        count = Math.Min(count, _ids.Count);
        var picked = new RankedArm[count];
        foreach (var (i, index) in DistinctIndices(count, random).Index())
        {
            var arm = _slots[_ids[index]].Arm;
            picked[i] = new RankedArm(arm, Posterior.Of(arm, StreamTimeUnixMs, Settings.HalfLife).Mean);
        }

        return picked;
    }

    // Uniformly random distinct indices: rejection while few of the ids are wanted, a partial Fisher-Yates
    // shuffle once that would keep colliding.
    private IEnumerable<int> DistinctIndices(int count, Random random)
    {
        if (count * 4 < _ids.Count)
        {
            var taken = new HashSet<int>();
            while (taken.Count < count)
            {
                var index = random.Next(_ids.Count);
                if (taken.Add(index))
                {
                    yield return index;
                }
            }

            yield break;
        }

        var order = Enumerable.Range(0, _ids.Count).ToArray();
        for (var i = 0; i < count; i++)
        {
            var j = random.Next(i, order.Length);
            (order[i], order[j]) = (order[j], order[i]);
            yield return order[i];
        }
    }

    private RankedArm[] Top(SortedSet<RankEntry> order, int k, Func<ArmSnapshot, Posterior, double> score)
    {
        if (Settings.HalfLife is null)
        {
            return order.Take(k).Select(e => new RankedArm(_slots[e.PostId].Arm, e.Score)).ToArray();
        }

        // With decay the stored keys are as of each arm's last event: re-score the leaders at stream time.
        var window = order.Take(Math.Max(4 * k, Settings.RescoreWindow))
            .Select(e => _slots[e.PostId].Arm)
            .Select(arm => new RankedArm(arm, score(arm, Posterior.Of(arm, StreamTimeUnixMs, Settings.HalfLife))))
            .ToList();
        window.Sort(RankEntry.Compare);
        return window.Take(k).ToArray();
    }

    private void RememberNew(string postId)
    {
        if (Settings.NewArmSlots <= 0)
        {
            return;
        }

        _newest.Enqueue(postId);
        if (_newest.Count > Settings.NewArmSlots)
        {
            _newest.Dequeue();
        }
    }

    private sealed class Slot
    {
        public ArmSnapshot Arm { get; set; } = null!;

        public RankEntry ByMean { get; set; }

        public RankEntry ByUpperBound { get; set; }

        public int Index { get; set; }
    }

    // The queue keeps the k best on top of a min-heap: its head must be the worst of them.
    private sealed class ReverseOrder : IComparer<RankEntry>
    {
        public static readonly ReverseOrder Instance = new();

        public int Compare(RankEntry x, RankEntry y) => y.CompareTo(x);
    }
}
