using System.Text;

namespace Bandit.Grains;

/// <summary>
/// A 64-bit key for an event id, so arms can remember recent ids in 8 bytes each. Stable across processes.
/// </summary>
public static class EventKeys
{
    /// <summary>The key of an event id; 0 for an empty id, which is never deduplicated.</summary>
    public static ulong Of(string? eventId)
    {
        if (string.IsNullOrEmpty(eventId))
        {
            return 0;
        }

        // FNV-1a, 64-bit; 0 is reserved for "no id".
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(eventId))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return hash == 0 ? 1 : hash;
    }
}
