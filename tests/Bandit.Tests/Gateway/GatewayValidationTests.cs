using System.Net;
using Bandit.Contracts.Gateway.V1;
using Bandit.Gateway;
using Bandit.Tests.Fixtures;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Health.V1;

namespace Bandit.Tests.Gateway;

/// <summary>
/// Bad requests get InvalidArgument naming the field; unknown posts NotFound; health answers over gRPC
/// and HTTP.
/// </summary>
[Collection(GatewaySiloCollection.Name)]
public sealed class GatewayValidationTests(GatewaySiloFixture fixture)
{
    private FeedRanking.FeedRankingClient Client => fixture.Silo.Client;

    public static TheoryData<RecordEventRequest, string> BadEvents => new()
    {
        { new RecordEventRequest { PostId = "" }, "post_id must not be empty" },
        { new RecordEventRequest { PostId = new string('x', 129) }, "post_id must be at most 128 characters" },
        { new RecordEventRequest { PostId = "has space" }, "post_id may hold only" },
        { new RecordEventRequest { PostId = "p", EventId = new string('e', 129) }, "event_id must be at most 128" },
        { new RecordEventRequest { PostId = "p", Position = -1 }, "position must be between 0 and 10000" },
        {
            new RecordEventRequest
            {
                PostId = "p",
                EventTime = Timestamp.FromDateTimeOffset(new DateTimeOffset(1990, 1, 1, 0, 0, 0, TimeSpan.Zero)),
            },
            "event_time must be between"
        },
    };

    [Theory]
    [MemberData(nameof(BadEvents))]
    public async Task RecordClick_BadRequest_IsInvalidArgumentNamingTheField(
        RecordEventRequest request,
        string expected)
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () => await Client.RecordClickAsync(request));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(expected, error.Status.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, RankingPolicy.PosteriorMean, "k must be between 1 and 1000, got 0")]
    [InlineData(1001, RankingPolicy.PosteriorMean, "k must be between 1 and 1000, got 1001")]
    [InlineData(-3, RankingPolicy.PosteriorMean, "k must be between 1 and 1000, got -3")]
    [InlineData(5, (RankingPolicy)99, "policy has unknown value 99")]
    public async Task GetTopK_BadRequest_IsInvalidArgumentNamingTheField(int k, RankingPolicy policy, string expected)
    {
        var error = await Assert.ThrowsAsync<RpcException>(
            async () => await Client.GetTopKAsync(new GetTopKRequest { K = k, Policy = policy }));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(expected, error.Status.Detail);
    }

    [Fact]
    public async Task GetArm_UnknownPost_IsNotFound()
    {
        var error = await Assert.ThrowsAsync<RpcException>(
            async () => await Client.GetArmAsync(
                new GetArmRequest { PostId = "never-seen-" + Guid.NewGuid().ToString("N") }));

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task GetTopK_UnspecifiedPolicy_UsesTheConfiguredDefault()
    {
        var reply = await Client.GetTopKAsync(new GetTopKRequest { K = 3 });

        Assert.Equal(RankingPolicy.ThompsonSampling, reply.Policy);
    }

    [Fact]
    public async Task Health_Check_IsServing()
    {
        var health = new Health.HealthClient(fixture.Silo.Channel);

        var overall = await health.CheckAsync(new HealthCheckRequest());
        var service = await health.CheckAsync(new HealthCheckRequest { Service = "bandit.gateway.v1.FeedRanking" });

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, overall.Status);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, service.Status);
    }

    [Fact]
    public async Task HttpHealth_SiloJoinedWithRedisAndKafka_ReadyAndLiveListTheirOwnChecks()
    {
        using var http = new HttpClient { BaseAddress = fixture.Silo.WebAddress };

        using var ready = await http.GetAsync(HealthEndpoints.ReadyPath);
        using var live = await http.GetAsync(HealthEndpoints.LivePath);

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(
            ["Healthy", "cluster: Healthy", "kafka: Healthy", "redis: Healthy", "silo: Healthy"],
            await StatusLinesAsync(ready));
        Assert.Equal(["Healthy", "silo-alive: Healthy"], await StatusLinesAsync(live));
    }

    // "name: Status" of each line, without the descriptions in parentheses.
    private static async Task<string[]> StatusLinesAsync(HttpResponseMessage response) =>
        [.. (await response.Content.ReadAsStringAsync())
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(" (")[0])];
}
