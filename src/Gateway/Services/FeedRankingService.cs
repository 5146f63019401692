using System.Globalization;
using System.Security.Cryptography;
using Bandit.Contracts;
using Bandit.Contracts.Events.V1;
using Bandit.Contracts.Gateway.V1;
using Bandit.Grains;
using Confluent.Kafka;
using Timestamp = Google.Protobuf.WellKnownTypes.Timestamp;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace Bandit.Gateway.Services;

/// <summary>The gRPC face of the service: events go to Kafka, reads go to the grains.</summary>
internal sealed class FeedRankingService(
    ClickEventPublisher publisher,
    IGrainFactory grains,
    IOptions<ClickStreamOptions> streamOptions,
    IOptions<GatewayOptions> gatewayOptions,
    ServedRankingLog servedRankings,
    TimeProvider timeProvider,
    ILogger<FeedRankingService> logger,
    Live.LiveViews live) : FeedRanking.FeedRankingBase
{
    public override Task<RecordEventReply> RecordImpression(RecordEventRequest request, ServerCallContext context) =>
        RecordAsync(request, ClickStreamEventType.Impression, context);

    public override Task<RecordEventReply> RecordClick(RecordEventRequest request, ServerCallContext context) =>
        RecordAsync(request, ClickStreamEventType.Click, context);

    public override async Task<GetTopKReply> GetTopK(GetTopKRequest request, ServerCallContext context)
    {
        RequestValidation.Range(request.K, 1, TopKQuery.MaxK, "k");
        var policy = request.Policy == Contracts.Gateway.V1.RankingPolicy.Unspecified
            ? gatewayOptions.Value.DefaultPolicy
            : RankingPolicies.FromWire(request.Policy);
        if (request.HasEpsilon && !(request.Epsilon >= 0.0 && request.Epsilon <= 1.0))
        {
            throw RequestValidation.Invalid("epsilon", $"must be between 0 and 1, got {request.Epsilon}");
        }

        // The gateway picks the seed, so the caller can replay a randomized ranking it was served.
        var query = new TopKQuery(request.K, policy);
        if (query.IsRandomized)
        {
            query = query with { Seed = request.HasSeed ? request.Seed : NewSeed() };
        }

        if (request.HasEpsilon)
        {
            query = query with { Epsilon = request.Epsilon };
        }

        var ranked = await CallClusterAsync("GetTopK", () => grains.GetGrain<IRankingGrain>(0).GetTopKAsync(query));

        var reply = new GetTopKReply { Policy = RankingPolicies.ToWire(policy), RankingId = NewRankingId() };
        if (query.Seed is { } seed)
        {
            reply.Seed = seed;
        }

        for (var i = 0; i < ranked.Length; i++)
        {
            var arm = ranked[i].Arm;
            var post = new RankedPost
            {
                Rank = i + 1,
                PostId = arm.PostId,
                Score = ranked[i].Score,
                Alpha = arm.Alpha,
                Beta = arm.Beta,
                Impressions = arm.Impressions,
                Clicks = arm.Clicks,
                PosteriorMean = arm.PosteriorMean,
            };
            if (ranked[i].Propensity is { } propensity)
            {
                post.Propensity = propensity;
            }

            reply.Posts.Add(post);
        }

        servedRankings.Write(ServedRankings.From(reply, query, timeProvider.GetUtcNow()));
        live.Exploration.Record(reply);
        return reply;
    }

    public override async Task WatchTopK(
        WatchTopKRequest request,
        IServerStreamWriter<TopKUpdate> responseStream,
        ServerCallContext context)
    {
        RequestValidation.Range(request.K, 1, live.Watcher.MaxK, "k");
        var policy = Live.TopKWatcher.PolicyOf(request.Policy);

        var cancel = context.CancellationToken;
        try
        {
            await foreach (var update in live.Watcher.WatchAsync(request.K, policy, cancel))
            {
                await responseStream.WriteAsync(update, cancel);
            }
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            // The caller went away: a watch ends only that way.
        }
    }

    public override async Task<Arm> RegisterPost(RegisterPostRequest request, ServerCallContext context)
    {
        RequestValidation.PostId(request.PostId);
        var prior = request.PriorCase switch
        {
            RegisterPostRequest.PriorOneofCase.ClickRate => ClickRatePrior(request.ClickRate),
            RegisterPostRequest.PriorOneofCase.Beta => new ArmPrior(request.Beta.Alpha, request.Beta.Beta),
            _ => throw RequestValidation.Invalid("prior", "is required: set click_rate or beta"),
        };
        if (!prior.IsValid)
        {
            throw RequestValidation.Invalid(
                "prior",
                $"must have alpha and beta between {ArmPrior.MinShape} and {ArmPrior.MaxShape}, got " +
                $"alpha {prior.Alpha} and beta {prior.Beta}");
        }

        var arm = await CallClusterAsync(
            "RegisterPost",
            () => grains.GetGrain<IPostArmGrain>(request.PostId).RegisterAsync(prior));
        return ToWire(arm);
    }

    public override async Task<Arm> GetArm(GetArmRequest request, ServerCallContext context)
    {
        RequestValidation.PostId(request.PostId);

        var arm = await CallClusterAsync("GetArm", () => grains.GetGrain<IPostArmGrain>(request.PostId).GetAsync())
            ?? throw new RpcException(new Status(
                StatusCode.NotFound,
                $"post_id '{request.PostId}' is not known: it has no events and was never registered"));
        return ToWire(arm);
    }

    public override async Task<IngestProgress> GetIngestProgress(
        GetIngestProgressRequest request,
        ServerCallContext context)
    {
        var partitions = streamOptions.Value.Partitions;
        var offsets = await CallClusterAsync("GetIngestProgress", () => Task.WhenAll(Enumerable.Range(0, partitions)
            .Select(p => grains.GetGrain<IPartitionIngestGrain>(p.ToString(CultureInfo.InvariantCulture)))
            .Select(ingest => ingest.GetAppliedOffsetAsync())));

        var reply = new IngestProgress();
        for (var p = 0; p < partitions; p++)
        {
            reply.Partitions.Add(new PartitionProgress { Partition = p, AppliedOffset = offsets[p] });
        }

        return reply;
    }

    private async Task<RecordEventReply> RecordAsync(
        RecordEventRequest request,
        ClickStreamEventType type,
        ServerCallContext context)
    {
        RequestValidation.PostId(request.PostId);
        RequestValidation.OptionalId(request.EventId, "event_id");
        RequestValidation.OptionalId(request.UserId, "user_id");
        RequestValidation.OptionalId(request.SessionId, "session_id");
        RequestValidation.OptionalId(request.RankingId, "ranking_id");
        RequestValidation.Range(request.Position, 0, RequestValidation.MaxPosition, "position");

        var now = timeProvider.GetUtcNow();
        var eventTime = request.EventTime is null ? now : ToEventTime(request.EventTime, now);
        var clickEvent = new ClickStreamEvent
        {
            EventId = string.IsNullOrEmpty(request.EventId) ? Guid.NewGuid().ToString("N") : request.EventId,
            PostId = request.PostId,
            Type = type,
            EventTimeUnixMs = eventTime.ToUnixTimeMilliseconds(),
            Position = request.Position,
            UserId = request.UserId,
            SessionId = request.SessionId,
            RankingId = request.RankingId,
        };

        try
        {
            var written = await publisher.PublishAsync(clickEvent, context.CancellationToken);
            return new RecordEventReply
            {
                EventId = clickEvent.EventId,
                Partition = written.Partition.Value,
                Offset = written.Offset.Value,
            };
        }
        catch (KafkaException ex)
        {
            GatewayLog.PublishFailed(logger, request.PostId, ex.Error.Reason);
            throw new RpcException(new Status(
                StatusCode.Unavailable,
                $"the event was not acknowledged by the broker ({ex.Error.Code}); retry with the same event_id"));
        }
    }

    private static DateTimeOffset ToEventTime(Timestamp timestamp, DateTimeOffset now)
    {
        if (timestamp.Nanos is < 0 or > 999_999_999)
        {
            throw RequestValidation.Invalid("event_time", "has nanos outside 0..999999999");
        }

        // Same millisecond rule as the silo's decoder, so nothing acknowledged here is rejected there. Seconds
        // are bounded first: ToDateTimeOffset throws outside the representable range.
        var seconds = timestamp.Seconds;
        var milliseconds = seconds is > -100_000_000_000L and < 100_000_000_000L
            ? seconds * 1000 + timestamp.Nanos / 1_000_000
            : long.MinValue;
        if (EventTimeRules.Validate(milliseconds, now) is not null)
        {
            throw RequestValidation.Invalid(
                "event_time",
                $"must be between {EventTimeRules.Earliest:yyyy-MM-dd} and one day ahead");
        }

        return timestamp.ToDateTimeOffset();
    }

    private async Task<T> CallClusterAsync<T>(string operation, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception ex) when (ex is OrleansException or TimeoutException or SiloUnavailableException)
        {
            GatewayLog.ClusterCallFailed(logger, operation, ex);
            throw new RpcException(new Status(StatusCode.Unavailable, "the cluster did not answer; retry later"));
        }
    }

    private static ArmPrior ClickRatePrior(Contracts.Gateway.V1.ClickRatePrior prior)
    {
        if (!(prior.ClickRate > 0.0 && prior.ClickRate < 1.0))
        {
            throw RequestValidation.Invalid("click_rate.click_rate", $"must lie strictly between 0 and 1, got " +
                $"{prior.ClickRate}");
        }

        if (!(prior.Strength >= ArmPrior.MinShape && prior.Strength <= ArmPrior.MaxShape))
        {
            throw RequestValidation.Invalid(
                "click_rate.strength",
                $"must be between {ArmPrior.MinShape} and {ArmPrior.MaxShape}, got {prior.Strength}");
        }

        var derived = ArmPrior.FromRate(prior.ClickRate, prior.Strength);
        if (!derived.IsValid)
        {
            throw RequestValidation.Invalid(
                "click_rate",
                $"gives alpha {derived.Alpha} and beta {derived.Beta}; each must be between {ArmPrior.MinShape} " +
                $"and {ArmPrior.MaxShape}: raise strength or move click_rate away from 0 and 1");
        }

        return derived;
    }

    private static Arm ToWire(ArmSnapshot arm) => new()
    {
        PostId = arm.PostId,
        PriorAlpha = arm.PriorAlpha,
        PriorBeta = arm.PriorBeta,
        Impressions = arm.Impressions,
        Clicks = arm.Clicks,
        Alpha = arm.Alpha,
        Beta = arm.Beta,
        PosteriorMean = arm.PosteriorMean,
        LastEventTime = arm.LastEventTimeUnixMs > 0
            ? Timestamp.FromDateTimeOffset(DateTimeOffset.FromUnixTimeMilliseconds(arm.LastEventTimeUnixMs))
            : null,
        PriorSource = (Contracts.Gateway.V1.PriorSource)arm.PriorSource,
        Retired = arm.Retired,
    };

    private static ulong NewSeed() => BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8));

    // Time-ordered (UUID v7), so ranking ids sort by when they were served.
    private static string NewRankingId() => Guid.CreateVersion7().ToString("N");
}
