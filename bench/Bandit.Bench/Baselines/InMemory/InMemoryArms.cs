namespace Bandit.Bench.Baselines.InMemory;

/// <summary>Every post's counts and the heap that ranks them; one lock guards both.</summary>
internal sealed class InMemoryArms
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ArmCounts> _arms = new(StringComparer.Ordinal);
    private readonly ArmHeap _heap = new();

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _arms.Count;
            }
        }
    }

    public void Apply(List<ClickRecord> batch)
    {
        lock (_gate)
        {
            foreach (var record in batch)
            {
                if (!_arms.TryGetValue(record.PostId, out var arm))
                {
                    arm = new ArmCounts(record.PostId);
                    _arms.Add(record.PostId, arm);
                }

                if (record.IsClick)
                {
                    arm.Clicks++;
                }
                else
                {
                    arm.Impressions++;
                }

                arm.Score = PosteriorMean.Of(arm.Impressions, arm.Clicks);
                _heap.Update(arm);
            }
        }
    }

    /// <summary>The top k as copies, so callers read them outside the lock.</summary>
    public List<(string PostId, long Impressions, long Clicks, double Score)> Top(int k)
    {
        lock (_gate)
        {
            return _heap.Top(k).Select(a => (a.PostId, a.Impressions, a.Clicks, a.Score)).ToList();
        }
    }
}
