using Bandit.Contracts.Gateway.V1;
using Bandit.Grains;
using Microsoft.Extensions.Options;

namespace Bandit.Gateway.Live;

/// <summary>
/// The share of traffic that goes to exploration, as this gateway serves it: of the slots in the GetTopK
/// answers of the last <see cref="LiveViewOptions.ExplorationWindow"/>, the fraction whose post was not
/// the greedy (posterior-mean) choice for that position. The greedy ranking is read at most once per
/// <see cref="LiveViewOptions.Interval"/>, so it may lag the served one by that much.
/// </summary>
internal sealed class ExplorationMeter(
    IGrainFactory grains,
    IOptions<LiveViewOptions> options,
    TimeProvider timeProvider,
    ILogger<ExplorationMeter> logger)
{
    /// <summary>How deep the greedy ranking is read; deeper served slots are not counted.</summary>
    public const int GreedyDepth = 100;

    private readonly Lock _gate = new();
    private readonly ExplorationWindow _window = new(Math.Max(1, (int)options.Value.ExplorationWindow.TotalSeconds));
    private string[] _greedy = [];
    private const long NeverRead = long.MinValue;

    private long _greedyReadAt = NeverRead;
    private int _refreshing;

    public int WindowSeconds => _window.Seconds;

    /// <summary>Counts the slots of one answer served now.</summary>
    public void Record(GetTopKReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);

        var now = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        RefreshIfStale(now);
        var served = reply.Posts.Select(p => p.PostId).ToArray();
        lock (_gate)
        {
            // The greedy policy exploits by definition, whatever a slightly older greedy read says.
            var (explored, counted) = reply.Policy == Contracts.Gateway.V1.RankingPolicy.PosteriorMean
                ? (0, Math.Min(served.Length, GreedyDepth))
                : ExplorationWindow.Classify(served, _greedy);
            _window.Add(now, explored, counted);
        }
    }

    /// <summary>The share over the window ending now, or null when nothing was counted; and the slot count.</summary>
    public (double? Share, long Counted) Current()
    {
        var now = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        RefreshIfStale(now);
        lock (_gate)
        {
            var (explored, counted) = _window.Totals(now);
            return (counted == 0 ? null : (double)explored / counted, counted);
        }
    }

    private void RefreshIfStale(long now)
    {
        // "now - NeverRead" would overflow to a negative age and look fresh forever.
        var readAt = Interlocked.Read(ref _greedyReadAt);
        if ((readAt != NeverRead && now - readAt < options.Value.Interval.TotalMilliseconds)
            || Interlocked.CompareExchange(ref _refreshing, 1, 0) != 0)
        {
            return;
        }

        _ = RefreshAsync(now);
    }

    private async Task RefreshAsync(long now)
    {
        try
        {
            var greedy = await grains.GetGrain<IRankingGrain>(0)
                .GetTopKAsync(new TopKQuery(GreedyDepth, Grains.RankingPolicy.PosteriorMean));
            lock (_gate)
            {
                _greedy = [.. greedy.Select(r => r.Arm.PostId)];
            }

            Interlocked.Exchange(ref _greedyReadAt, now);
        }
        catch (Exception ex) when (ex is OrleansException or TimeoutException)
        {
            GatewayLog.GreedyReadFailed(logger, ex);
        }
        finally
        {
            Interlocked.Exchange(ref _refreshing, 0);
        }
    }
}
