using System.Net;
using System.Net.Http.Headers;
using Bandit.Contracts.Gateway.V1;
using Bandit.Tests.Fixtures;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace Bandit.Tests.Security;

/// <summary>
/// Who may call what, over TLS: no credentials is Unauthenticated, a missing permission PermissionDenied;
/// health stays open, the dashboard needs admin.
/// </summary>
[Collection(SecuredSiloCollection.Name)]
public sealed class GatewayAccessTests(SecuredSiloFixture fixture)
{
    public static TheoryData<string, string, StatusCode> Calls => new()
    {
        // method, credential, the status when the credential is not enough (OK: allowed)
        { "RecordImpression", "none", StatusCode.Unauthenticated },
        { "RecordImpression", "reader", StatusCode.PermissionDenied },
        { "RecordImpression", "admin", StatusCode.PermissionDenied },
        { "RecordImpression", "writer", StatusCode.OK },
        { "RecordClick", "none", StatusCode.Unauthenticated },
        { "RecordClick", "reader", StatusCode.PermissionDenied },
        { "RecordClick", "writer", StatusCode.OK },
        { "GetTopK", "none", StatusCode.Unauthenticated },
        { "GetTopK", "writer", StatusCode.PermissionDenied },
        { "GetTopK", "admin", StatusCode.PermissionDenied },
        { "GetTopK", "reader", StatusCode.OK },
        { "GetArm", "none", StatusCode.Unauthenticated },
        { "GetArm", "writer", StatusCode.PermissionDenied },
        { "GetArm", "reader", StatusCode.OK },
        { "GetIngestProgress", "none", StatusCode.Unauthenticated },
        { "GetIngestProgress", "writer", StatusCode.PermissionDenied },
        { "GetIngestProgress", "reader", StatusCode.OK },
        { "RegisterPost", "none", StatusCode.Unauthenticated },
        { "RegisterPost", "writer", StatusCode.PermissionDenied },
        { "RegisterPost", "reader", StatusCode.PermissionDenied },
        { "RegisterPost", "admin", StatusCode.OK },
        { "WatchTopK", "none", StatusCode.Unauthenticated },
        { "WatchTopK", "writer", StatusCode.PermissionDenied },
        { "WatchTopK", "reader", StatusCode.OK },
        { "RemovePost", "none", StatusCode.Unauthenticated },
        { "RemovePost", "reader", StatusCode.PermissionDenied },
        { "RemovePost", "writer", StatusCode.PermissionDenied },
        { "RemovePost", "admin", StatusCode.OK },
    };

    [Theory]
    [MemberData(nameof(Calls))]
    public async Task Call_WithApiKey_IsAllowedOnlyWithItsPermission(
        string method,
        string credential,
        StatusCode expected)
    {
        var headers = credential == "none" ? new Metadata() : fixture.Key(credential);

        var status = await CallAsync(method, headers);

        Assert.Equal(expected, status.StatusCode);
        if (expected == StatusCode.PermissionDenied)
        {
            Assert.Contains("needs the permission", status.Detail, StringComparison.Ordinal);
        }

        if (expected == StatusCode.Unauthenticated)
        {
            Assert.Contains("credentials required", status.Detail, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task RecordClick_UnknownApiKey_IsUnauthenticatedWithoutQuotingTheKey()
    {
        var headers = SecuredSiloFixture.ApiKeyHeader("not-a-key-" + Guid.NewGuid().ToString("N"));
        fixture.Secrets.Add(headers[0].Value);

        var status = await CallAsync("RecordClick", headers);

        Assert.Equal(StatusCode.Unauthenticated, status.StatusCode);
        Assert.Contains("not accepted", status.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(headers[0].Value, status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetTopK_JwtWithRankingsScope_Answers()
    {
        var token = fixture.Jwt("jwt-reader", "rankings:read");

        var reply = await fixture.Client.GetTopKAsync(new GetTopKRequest { K = 3 }, SecuredSiloFixture.Bearer(token));

        Assert.NotEmpty(reply.RankingId);
    }

    [Fact]
    public async Task RegisterPost_JwtWithAdminInPermissionsArray_Registers()
    {
        var token = fixture.Jwt("jwt-admin", "", permissions: new[] { "admin" });
        var postId = "jwt-registered-" + Guid.NewGuid().ToString("N");

        var arm = await fixture.Client.RegisterPostAsync(
            new RegisterPostRequest { PostId = postId, Beta = new BetaPrior { Alpha = 2, Beta = 8 } },
            SecuredSiloFixture.Bearer(token));

        Assert.Equal(postId, arm.PostId);
        Assert.Equal(2, arm.PriorAlpha);
    }

    [Fact]
    public async Task RegisterPost_JwtWithoutAdmin_IsPermissionDeniedNamingAdmin()
    {
        var token = fixture.Jwt("jwt-writer", "events:write rankings:read");

        var status = await CallAsync("RegisterPost", SecuredSiloFixture.Bearer(token));

        Assert.Equal(StatusCode.PermissionDenied, status.StatusCode);
        Assert.Contains("'admin'", status.Detail, StringComparison.Ordinal);
    }

    public static TheoryData<string> SpoiledTokens => new() { "expired", "other key", "other audience", "garbage" };

    [Theory]
    [MemberData(nameof(SpoiledTokens))]
    public async Task GetTopK_SpoiledJwt_IsUnauthenticated(string spoiled)
    {
        var token = spoiled switch
        {
            "expired" => fixture.Jwt("jwt-late", "rankings:read", expiresIn: TimeSpan.FromMinutes(-10)),
            "other key" => fixture.Jwt("jwt-forged", "rankings:read", signingKey: new string('k', 48)),
            "other audience" => fixture.Jwt("jwt-elsewhere", "rankings:read", audience: "someone-else"),
            _ => "not.a.jwt",
        };

        var status = await CallAsync("GetTopK", SecuredSiloFixture.Bearer(token));

        Assert.Equal(StatusCode.Unauthenticated, status.StatusCode);
        Assert.Contains("not accepted", status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_NoCredentials_IsServingOverTls()
    {
        var health = new Health.HealthClient(fixture.Channel);
        var handshakes = fixture.Certificate.Handshakes;
        using var fresh = GrpcChannel.ForAddress(
            $"https://127.0.0.1:{fixture.Silo.GrpcPort}",
            new GrpcChannelOptions { HttpHandler = fixture.Certificate.TrustingHandler() });

        var reply = await new Health.HealthClient(fresh).CheckAsync(new HealthCheckRequest());
        var shared = await health.CheckAsync(new HealthCheckRequest());

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, reply.Status);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, shared.Status);
        Assert.True(fixture.Certificate.Handshakes > handshakes, "the new channel did not validate our certificate");
    }

    [Fact]
    public async Task PlainHttpClient_TlsEndpoint_GetsNoAnswer()
    {
        using var plain = GrpcChannel.ForAddress($"http://127.0.0.1:{fixture.Silo.GrpcPort}");

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await new Health.HealthClient(plain).CheckAsync(
                new HealthCheckRequest(),
                deadline: DateTime.UtcNow.AddSeconds(10)));

        Assert.Contains(error.StatusCode, new[] { StatusCode.Unavailable, StatusCode.Internal });
    }

    [Theory]
    [InlineData("/health/ready", "none", HttpStatusCode.OK)]
    [InlineData("/health/live", "none", HttpStatusCode.OK)]
    [InlineData("/metrics", "none", HttpStatusCode.OK)]
    [InlineData("/dashboard/", "none", HttpStatusCode.Unauthorized)]
    [InlineData("/dashboard/", "reader", HttpStatusCode.Forbidden)]
    [InlineData("/dashboard/", "admin", HttpStatusCode.OK)]
    [InlineData("/live", "none", HttpStatusCode.OK)]
    [InlineData("/live/topk?k=3", "none", HttpStatusCode.Unauthorized)]
    [InlineData("/live/topk?k=3", "writer", HttpStatusCode.Forbidden)]
    [InlineData("/v1/posts/secured-json", "none", HttpStatusCode.Unauthorized)]
    [InlineData("/v1/posts/secured-json", "writer", HttpStatusCode.Forbidden)]
    public async Task WebEndpoint_WithCredential_AnswersAsDocumented(
        string path,
        string credential,
        HttpStatusCode expected)
    {
        using var http = new HttpClient { BaseAddress = fixture.Silo.WebAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (credential != "none")
        {
            request.Headers.Add("x-api-key", fixture.ApiKeys[credential]);
        }

        using var response = await http.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Dashboard_AdminJwt_Answers()
    {
        using var http = new HttpClient { BaseAddress = fixture.Silo.WebAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/dashboard/");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", fixture.Jwt("jwt-ops", "admin"));

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task<object> FirstUpdateAsync(FeedRanking.FeedRankingClient client, Metadata headers)
    {
        using var call = client.WatchTopK(new WatchTopKRequest { K = 3 }, headers);
        await call.ResponseStream.MoveNext(CancellationToken.None);
        return call.ResponseStream.Current;
    }

    private async Task<Status> CallAsync(string method, Metadata headers)
    {
        var client = fixture.Client;
        var postId = "secured-" + method.ToLowerInvariant();
        try
        {
            _ = method switch
            {
                "RecordImpression" => await client.RecordImpressionAsync(
                    new RecordEventRequest { PostId = postId }, headers) as object,
                "RecordClick" => await client.RecordClickAsync(new RecordEventRequest { PostId = postId }, headers),
                "GetTopK" => await client.GetTopKAsync(new GetTopKRequest { K = 3 }, headers),
                "GetArm" => await client.GetArmAsync(new GetArmRequest { PostId = postId }, headers),
                "GetIngestProgress" => await client.GetIngestProgressAsync(new GetIngestProgressRequest(), headers),
                "RegisterPost" => await client.RegisterPostAsync(
                    new RegisterPostRequest { PostId = postId, Beta = new BetaPrior { Alpha = 1, Beta = 9 } },
                    headers),
                "WatchTopK" => await FirstUpdateAsync(client, headers),
                "RemovePost" => await new FeedAdmin.FeedAdminClient(fixture.Channel).RemovePostAsync(
                    new RemovePostRequest { PostId = postId }, headers),
                _ => throw new ArgumentOutOfRangeException(nameof(method), method, "not a gateway method"),
            };
            return Status.DefaultSuccess;
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
        {
            // Let in and answered: the post is just not known.
            return Status.DefaultSuccess;
        }
        catch (RpcException ex)
        {
            return ex.Status;
        }
    }
}
