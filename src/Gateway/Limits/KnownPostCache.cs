namespace Bandit.Gateway.Limits;

/// <summary>
/// A bounded set of post ids known to exist, in two generations: when the young one fills half the capacity
/// the old one is dropped and the young one ages. Ids in use keep moving to the young generation; the set never
/// holds more than the capacity.
/// </summary>
internal sealed class KnownPostCache(int capacity)
{
    private readonly Lock _lock = new();
    private HashSet<string> _young = new(StringComparer.Ordinal);
    private HashSet<string> _old = new(StringComparer.Ordinal);

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _young.Count + _old.Count;
            }
        }
    }

    public bool Contains(string postId)
    {
        lock (_lock)
        {
            if (_young.Contains(postId))
            {
                return true;
            }

            if (!_old.Remove(postId))
            {
                return false;
            }

            AddYoung(postId);
            return true;
        }
    }

    public void Add(string postId)
    {
        lock (_lock)
        {
            if (!_young.Contains(postId))
            {
                _old.Remove(postId);
                AddYoung(postId);
            }
        }
    }

    private void AddYoung(string postId)
    {
        if (_young.Count >= Math.Max(1, capacity / 2))
        {
            (_old, _young) = (_young, _old);
            _young.Clear();
        }

        _young.Add(postId);
    }
}
