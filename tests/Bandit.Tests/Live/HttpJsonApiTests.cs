using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Bandit.Contracts.Gateway.V1;
using Bandit.Tests.Fixtures;

namespace Bandit.Tests.Live;

/// <summary>The API over HTTP/1.1 and JSON (gRPC JSON transcoding), with a plain HttpClient on a real socket.</summary>
[Collection(GatewaySiloCollection.Name)]
public sealed class HttpJsonApiTests(GatewaySiloFixture fixture) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = fixture.Silo.WebAddress };

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task RegisterAndGetArm_OverJson_AnswerAsGrpcDoes()
    {
        // Arrange
        var postId = "json-" + Guid.NewGuid().ToString("N")[..10];

        // Act
        using var registered = await _http.PostAsJsonAsync(
            $"/v1/posts/{postId}:register",
            new { beta = new { alpha = 2.5, beta = 47.5 } });
        using var read = await _http.GetAsync($"/v1/posts/{postId}");
        var json = JsonDocument.Parse(await read.Content.ReadAsStringAsync()).RootElement;
        var grpc = await fixture.Silo.Client.GetArmAsync(new GetArmRequest { PostId = postId });

        // Assert
        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(postId, json.GetProperty("postId").GetString());
        Assert.Equal(grpc.PriorAlpha, json.GetProperty("priorAlpha").GetDouble());
        Assert.Equal(grpc.PosteriorMean, json.GetProperty("posteriorMean").GetDouble());
        Assert.Equal("PRIOR_SOURCE_EXPLICIT", json.GetProperty("priorSource").GetString());
    }

    [Theory]
    [InlineData("/v1/topk?k=0", HttpStatusCode.BadRequest, "k must be between 1 and 1000, got 0")]
    [InlineData("/v1/topk?k=3&epsilon=2&policy=RANKING_POLICY_EPSILON_GREEDY", HttpStatusCode.BadRequest,
        "epsilon must be between 0 and 1")]
    [InlineData("/v1/posts/never-seen-post-id", HttpStatusCode.NotFound, "is not known")]
    [InlineData("/v1/topk:watch?k=101", HttpStatusCode.BadRequest, "k must be between 1 and 100")]
    public async Task Get_BadOrUnknown_MapsTheGrpcStatusToHttp(string path, HttpStatusCode expected, string message)
    {
        using var response = await _http.GetAsync(path);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(expected, response.StatusCode);
        Assert.Contains(message, json.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostClick_BadPostId_Is400NamingTheField()
    {
        using var response = await _http.PostAsJsonAsync("/v1/clicks", new { postId = "has space" });
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("post_id", json.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WatchTopK_OverJson_StreamsTheSameTopKAsGetTopK()
    {
        // Arrange
        var top = await fixture.Silo.Client.GetTopKAsync(
            new GetTopKRequest { K = 3, Policy = RankingPolicy.PosteriorMean });

        // Act: the first update of the stream, one JSON object per line.
        using var response = await _http.GetAsync(
            "/v1/topk:watch?k=3&policy=RANKING_POLICY_POSTERIOR_MEAN",
            HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var line = await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(20));
        var update = JsonDocument.Parse(line!).RootElement;

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            top.Posts.Select(p => p.PostId),
            update.GetProperty("posts").EnumerateArray().Select(p => p.GetProperty("postId").GetString()));
        foreach (var post in update.GetProperty("posts").EnumerateArray())
        {
            Assert.InRange(post.GetProperty("posteriorMean").GetDouble(),
                post.GetProperty("lower95").GetDouble(), post.GetProperty("upper95").GetDouble());
        }
    }

    [Fact]
    public async Task WatchTopK_AfterUniformAnswers_ReportsAShareOfExploration()
    {
        // Arrange: 30 posts, so a uniformly random top 5 almost never repeats the greedy one slot for slot.
        for (var i = 0; i < 30; i++)
        {
            await fixture.Silo.Client.RegisterPostAsync(new RegisterPostRequest
            {
                PostId = $"explore-{i:00}",
                Beta = new BetaPrior { Alpha = 1 + i, Beta = 100 },
            });
        }

        // Act: uniform answers until the meter has read the greedy ranking, then the live update.
        double share = 0;
        for (var attempt = 0; attempt < 20 && share == 0; attempt++)
        {
            for (var i = 0; i < 10; i++)
            {
                await fixture.Silo.Client.GetTopKAsync(
                    new GetTopKRequest { K = 5, Policy = RankingPolicy.UniformRandom });
            }

            using var response = await _http.GetAsync("/v1/topk:watch?k=5", HttpCompletionOption.ResponseHeadersRead);
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
            var update = JsonDocument.Parse((await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(20)))!)
                .RootElement;
            share = update.TryGetProperty("explorationShare", out var value) ? value.GetDouble() : 0;
        }

        // Assert: most uniform slots differ from the greedy ones.
        Assert.InRange(share, 0.3, 1.0);
    }
}
