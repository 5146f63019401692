namespace Bandit.Gateway.Live;

/// <summary>The live top-K view: WatchTopK, its page and the exploration share. Bound from
/// <c>Bandit:Gateway:Live</c>.</summary>
public sealed class LiveViewOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Bandit:Gateway:Live";

    /// <summary>Default of <see cref="Interval"/>.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>Default of <see cref="ExplorationWindow"/>.</summary>
    public static readonly TimeSpan DefaultExplorationWindow = TimeSpan.FromSeconds(60);

    /// <summary>Default of <see cref="MaxK"/>.</summary>
    public const int DefaultMaxK = 100;

    /// <summary>
    /// How often a watch asks the cluster for its ranking, and so the most often it pushes an update;
    /// 50 ms to 10 s. An update is pushed only when the ranking or the exploration share changed.
    /// </summary>
    public TimeSpan Interval { get; set; } = DefaultInterval;

    /// <summary>The largest k a watch may ask for, 1 to 1000.</summary>
    public int MaxK { get; set; } = DefaultMaxK;

    /// <summary>How far back the exploration share looks; 1 s to 1 h, whole seconds.</summary>
    public TimeSpan ExplorationWindow { get; set; } = DefaultExplorationWindow;

    /// <summary>Default <see cref="MaxWatchers"/>.</summary>
    public const int DefaultMaxWatchers = 16;

    /// <summary>
    /// Watches (WatchTopK calls and live-page streams) this gateway serves at once; more are refused with
    /// ResourceExhausted (503 on the page's stream). Each watch reads the ranking once per interval, so a few
    /// dozen can saturate two cores.
    /// </summary>
    public int MaxWatchers { get; set; } = DefaultMaxWatchers;
}
