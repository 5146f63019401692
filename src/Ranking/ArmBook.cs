using System.Buffers;
using Bandit.Grains;

namespace Bandit.Ranking;

/// <summary>
/// Every arm of one ranker shard, indexed for each policy: ordered by posterior mean (greedy), ordered by
/// an upper posterior quantile (Bayes-UCB, and the candidate pool of Thompson sampling), and in a list for
/// uniform draws. The two orders keep only their leading arms (<see cref="LeadingArms"/>), so an update far
/// from the top costs a comparison; upper quantiles of recurring posteriors are remembered, since a million
/// arms with a handful of events share few distinct ones. Not thread-safe (a grain owns it).
/// </summary>
public sealed class ArmBook(ArmBookSettings settings)
{
    // Enough leaders for the largest query: k up to 1,000, 4k re-scored under decay, the Thompson pool.
    private const int MaxQueryWindow = 4 * 1000;
    private const int QuantileMemory = 1 << 16;

    private readonly Dictionary<string, ArmSlot> _slots = new(StringComparer.Ordinal);
    private readonly List<ArmSlot> _ids = [];
    private readonly Queue<string> _newest = new();
    private readonly Dictionary<(double Alpha, double Beta), double> _upperQuantiles = [];
    private LeadingArms? _byMean;
    private LeadingArms? _byUpperBound;
    private long _draws;

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

    private LeadingArms ByMean => _byMean ??= new LeadingArms(Math.Max(MaxQueryWindow, Settings.RescoreWindow));

    private LeadingArms ByUpperBound => _byUpperBound ??= new LeadingArms(Math.Max(
        Math.Max(MaxQueryWindow, Settings.RescoreWindow), Settings.CandidatePoolSize));

    /// <summary>The arm held for a post, or <c>null</c>.</summary>
    public ArmSnapshot? Get(string postId) => _slots.TryGetValue(postId, out var slot) ? slot.Arm : null;

    /// <summary>Takes the newer state of an arm; returns false when the held version is as new or newer.</summary>
    public bool Upsert(ArmSnapshot arm)
    {
        ArgumentNullException.ThrowIfNull(arm);

        SlotEntry? oldMean = null, oldUpper = null;
        if (_slots.TryGetValue(arm.PostId, out var slot))
        {
            if (slot.Figures.Version >= arm.Version)
            {
                return false;
            }

            (oldMean, oldUpper) = (slot.ByMean, slot.ByUpperBound);
        }
        else
        {
            slot = new ArmSlot(arm.PostId, _ids.Count);
            _slots.Add(arm.PostId, slot);
            _ids.Add(slot);
            RememberNew(arm.PostId);
        }

        // Keys are scored at the arm's own last event; decay only shrinks evidence, so they stay close.
        var posterior = Posterior.Of(arm, arm.LastEventTimeUnixMs, Settings.HalfLife);
        slot.Figures = ArmFigures.Of(arm);
        slot.ByMean = new SlotEntry(posterior.Mean, slot);
        slot.ByUpperBound = new SlotEntry(UpperQuantile(posterior), slot);
        ByMean.Replace(oldMean, slot.ByMean);
        ByUpperBound.Replace(oldUpper, slot.ByUpperBound);
        RefillWhenStarved();
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

        ByMean.Replace(slot.ByMean, null);
        ByUpperBound.Replace(slot.ByUpperBound, null);

        // Swap-remove keeps the id list dense for uniform draws.
        var last = _ids[^1];
        _ids[slot.Index] = last;
        last.Index = slot.Index;
        _ids.RemoveAt(_ids.Count - 1);
        RefillWhenStarved();
        return true;
    }

    /// <summary>The <paramref name="k"/> arms with the highest posterior mean.</summary>
    public RankedArm[] TopByMean(int k) =>
        Top(ByMean, k, (arm, posterior) => posterior.Mean);

    /// <summary>The <paramref name="k"/> arms with the highest upper posterior quantile (Bayes-UCB).</summary>
    public RankedArm[] TopByUpperBound(int k) =>
        Top(ByUpperBound, k, (arm, posterior) => posterior.Quantile(Settings.UpperQuantile));

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

        var draw = ++_draws;
        var best = new PriorityQueue<ArmSlot, RankEntry>(k + 1, ReverseOrder.Instance);
        foreach (var entry in ByUpperBound.InOrder.Take(Settings.CandidatePoolSize))
        {
            Offer(entry.Slot);
        }

        foreach (var postId in _newest)
        {
            if (_slots.TryGetValue(postId, out var slot) && slot.OfferedIn != draw)
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

        void Offer(ArmSlot slot)
        {
            slot.OfferedIn = draw;
            var sample = slot.Figures.PosteriorAt(StreamTimeUnixMs, Settings.HalfLife)
                .Sample(random, Settings.ThompsonVarianceScale);
            var entry = new RankEntry(sample, slot.PostId);
            if (best.Count < k)
            {
                best.Enqueue(slot, entry);
            }
            else if (best.TryPeek(out _, out var worst) && entry.CompareTo(worst) < 0)
            {
                best.DequeueEnqueue(slot, entry);
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
            var arm = _ids[index].Arm;
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

    private RankedArm[] Top(LeadingArms order, int k, Func<ArmSnapshot, Posterior, double> score)
    {
        if (Settings.HalfLife is null)
        {
            return order.InOrder.Take(k).Select(e => new RankedArm(e.Slot.Arm, e.Score)).ToArray();
        }

        // With decay the stored keys are as of each arm's last event: re-score the leaders at stream time.
        var window = order.InOrder.Take(Math.Max(4 * k, Settings.RescoreWindow))
            .Select(e => e.Slot.Arm)
            .Select(arm => new RankedArm(arm, score(arm, Posterior.Of(arm, StreamTimeUnixMs, Settings.HalfLife))))
            .ToList();
        window.Sort(RankEntry.Compare);
        return window.Take(k).ToArray();
    }

    // Exact quantiles cost microseconds; arms with a few events share a few posteriors, so most are repeats.
    private double UpperQuantile(Posterior posterior)
    {
        if (_upperQuantiles.TryGetValue((posterior.Alpha, posterior.Beta), out var known))
        {
            return known;
        }

        if (_upperQuantiles.Count >= QuantileMemory)
        {
            _upperQuantiles.Clear();
        }

        var quantile = posterior.Quantile(Settings.UpperQuantile);
        _upperQuantiles[(posterior.Alpha, posterior.Beta)] = quantile;
        return quantile;
    }

    private void RefillWhenStarved()
    {
        if (ByMean.IsStarved(_ids.Count))
        {
            Refill(ByMean, s => s.ByMean);
        }

        if (ByUpperBound.IsStarved(_ids.Count))
        {
            Refill(ByUpperBound, s => s.ByUpperBound);
        }
    }

    // A pooled scratch array: a fresh one per refill would be a large-object allocation each time.
    private void Refill(LeadingArms order, Func<ArmSlot, SlotEntry> entryOf)
    {
        var all = ArrayPool<SlotEntry>.Shared.Rent(_ids.Count);
        try
        {
            for (var i = 0; i < _ids.Count; i++)
            {
                all[i] = entryOf(_ids[i]);
            }

            order.Refill(all, _ids.Count);
        }
        finally
        {
            ArrayPool<SlotEntry>.Shared.Return(all, clearArray: true);
        }
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

    // The queue keeps the k best on top of a min-heap: its head must be the worst of them.
    private sealed class ReverseOrder : IComparer<RankEntry>
    {
        public static readonly ReverseOrder Instance = new();

        public int Compare(RankEntry x, RankEntry y) => y.CompareTo(x);
    }
}
