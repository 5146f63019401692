namespace Bandit.Gateway.Live;

/// <summary>
/// Since when each post of one watched top k has been in it without a break, while someone watches it.
/// Thread-safe.
/// </summary>
internal sealed class TopMembership
{
    private readonly Lock _gate = new();
    private Dictionary<string, DateTimeOffset> _since = new(StringComparer.Ordinal);
    private int _watchers;

    /// <summary>A watch starts; the first one forgets what was seen before, when nobody was looking.</summary>
    public void Attach()
    {
        lock (_gate)
        {
            if (_watchers++ == 0)
            {
                _since.Clear();
            }
        }
    }

    /// <summary>A watch ends.</summary>
    public void Detach()
    {
        lock (_gate)
        {
            _watchers--;
        }
    }

    /// <summary>Takes the current top k; returns each post's entry time, in the order given.</summary>
    public DateTimeOffset[] Observe(IReadOnlyList<string> postIds, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(postIds);

        lock (_gate)
        {
            var next = new Dictionary<string, DateTimeOffset>(postIds.Count, StringComparer.Ordinal);
            foreach (var id in postIds)
            {
                next[id] = _since.TryGetValue(id, out var since) ? since : now;
            }

            _since = next;
            return [.. postIds.Select(id => next[id])];
        }
    }
}
