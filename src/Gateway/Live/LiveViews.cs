namespace Bandit.Gateway.Live;

/// <summary>What the FeedRanking service needs of the live view: the watcher and the exploration meter.</summary>
internal sealed class LiveViews(TopKWatcher watcher, ExplorationMeter exploration)
{
    public TopKWatcher Watcher { get; } = watcher;

    public ExplorationMeter Exploration { get; } = exploration;
}
