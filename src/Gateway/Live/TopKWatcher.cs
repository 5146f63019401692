using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text;
using Bandit.Contracts.Gateway.V1;
using Bandit.Gateway.Services;
using Bandit.Grains;
using Bandit.Ranking;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Options;

namespace Bandit.Gateway.Live;

/// <summary>
/// Streams a top k as it changes: asks the cluster once per <see cref="LiveViewOptions.Interval"/> and yields
/// an update when the posts, their evidence or the exploration share changed. Serves WatchTopK and the
/// live page's event stream alike.
/// </summary>
internal sealed class TopKWatcher(
    IGrainFactory grains,
    ExplorationMeter exploration,
    IOptions<LiveViewOptions> options,
    TimeProvider timeProvider,
    ILogger<TopKWatcher> logger)
{
    private readonly ConcurrentDictionary<(int K, Grains.RankingPolicy Policy), TopMembership> _membership = new();
    private int _watchers;

    public int MaxK => options.Value.MaxK;

    /// <summary>
    /// The policy a watch uses; unspecified means the posterior mean, which moves only with evidence.
    /// </summary>
    public static Grains.RankingPolicy PolicyOf(Contracts.Gateway.V1.RankingPolicy policy) =>
        policy == Contracts.Gateway.V1.RankingPolicy.Unspecified
            ? Grains.RankingPolicy.PosteriorMean
            : RankingPolicies.FromWire(policy);

    public async IAsyncEnumerable<TopKUpdate> WatchAsync(
        int k,
        Grains.RankingPolicy policy,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(k, MaxK);

        if (Interlocked.Increment(ref _watchers) > options.Value.MaxWatchers)
        {
            Interlocked.Decrement(ref _watchers);
            throw new Grpc.Core.RpcException(new Grpc.Core.Status(
                Grpc.Core.StatusCode.ResourceExhausted,
                $"this gateway already serves {options.Value.MaxWatchers} watches; retry later"));
        }

        var membership = _membership.GetOrAdd((k, policy), _ => new TopMembership());
        membership.Attach();
        try
        {
            string? last = null;
            while (!cancellationToken.IsCancellationRequested)
            {
                if (await ReadAsync(k, policy) is { } ranked)
                {
                    var update = Build(k, policy, ranked, membership);
                    var fingerprint = Fingerprint(update);
                    if (fingerprint != last)
                    {
                        last = fingerprint;
                        yield return update;
                    }
                }

                if (!await DelayAsync(cancellationToken))
                {
                    yield break;
                }
            }
        }
        finally
        {
            Interlocked.Decrement(ref _watchers);
            membership.Detach();
        }
    }

    // False when cancelled (a yield cannot sit in a try block that has a catch).
    private async Task<bool> DelayAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(options.Value.Interval, timeProvider, cancellationToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task<RankedArm[]?> ReadAsync(int k, Grains.RankingPolicy policy)
    {
        try
        {
            return await grains.GetGrain<IRankingGrain>(0).GetTopKAsync(new TopKQuery(k, policy));
        }
        catch (Exception ex) when (ex is OrleansException or TimeoutException)
        {
            // The next tick tries again; the page keeps showing the last update meanwhile.
            GatewayLog.WatchReadFailed(logger, k, policy.ToString(), ex);
            return null;
        }
    }

    private TopKUpdate Build(int k, Grains.RankingPolicy policy, RankedArm[] ranked, TopMembership membership)
    {
        var now = timeProvider.GetUtcNow();
        var since = membership.Observe([.. ranked.Select(r => r.Arm.PostId)], now);
        var (share, counted) = exploration.Current();
        var update = new TopKUpdate
        {
            Time = Timestamp.FromDateTimeOffset(now),
            Policy = RankingPolicies.ToWire(policy),
            K = k,
            ServedSlots = counted,
            ExplorationWindowSeconds = exploration.WindowSeconds,
        };
        if (share is { } s)
        {
            update.ExplorationShare = s;
        }

        for (var i = 0; i < ranked.Length; i++)
        {
            var arm = ranked[i].Arm;
            update.Posts.Add(new LivePost
            {
                Rank = i + 1,
                PostId = arm.PostId,
                Impressions = arm.Impressions,
                Clicks = arm.Clicks,
                Alpha = arm.Alpha,
                Beta = arm.Beta,
                PosteriorMean = arm.PosteriorMean,
                Lower95 = BetaDistribution.Quantile(Clamp(arm.Alpha), Clamp(arm.Beta), 0.025),
                Upper95 = BetaDistribution.Quantile(Clamp(arm.Alpha), Clamp(arm.Beta), 0.975),
                InTopSince = Timestamp.FromDateTimeOffset(since[i]),
                Score = ranked[i].Score,
            });
        }

        return update;
    }

    private static double Clamp(double shape) =>
        Math.Clamp(shape, BetaDistribution.MinShape, BetaDistribution.MaxShape);

    // What a viewer would notice: posts, their order and evidence, and the exploration share to 0.1%.
    private static string Fingerprint(TopKUpdate update)
    {
        var text = new StringBuilder();
        foreach (var post in update.Posts)
        {
            text.Append(post.PostId).Append('|').Append(post.Impressions).Append('|').Append(post.Clicks)
                .Append('|').Append(post.Alpha.ToString("R", System.Globalization.CultureInfo.InvariantCulture))
                .Append('|').Append(post.Beta.ToString("R", System.Globalization.CultureInfo.InvariantCulture))
                .Append(';');
        }

        text.Append(update.HasExplorationShare ? Math.Round(update.ExplorationShare, 3) : -1);
        return text.ToString();
    }
}
