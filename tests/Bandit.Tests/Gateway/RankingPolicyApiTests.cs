using Bandit.Contracts.Events.V1;
using Bandit.Contracts.Gateway.V1;
using Bandit.Tests.Fixtures;
using Confluent.Kafka;
using Grpc.Core;

namespace Bandit.Tests.Gateway;

/// <summary>Every policy, registration and the served-ranking log, through a real gRPC client.</summary>
[Collection(GatewaySiloCollection.Name)]
public sealed class RankingPolicyApiTests(GatewaySiloFixture fixture)
{
    private FeedRanking.FeedRankingClient Client => fixture.Silo.Client;

    [Fact]
    public async Task RegisterPost_ClickRatePrior_IsRankableAtOnceWithThatPrior()
    {
        // Arrange
        var postId = "reg-" + Guid.NewGuid().ToString("N")[..10];

        // Act: a prior CTR of 90% worth 100 impressions outranks anything the other tests record.
        var arm = await Client.RegisterPostAsync(new RegisterPostRequest
        {
            PostId = postId,
            ClickRate = new ClickRatePrior { ClickRate = 0.9, Strength = 100 },
        });
        var top = await Client.GetTopKAsync(new GetTopKRequest { K = 1, Policy = RankingPolicy.PosteriorMean });
        var read = await Client.GetArmAsync(new GetArmRequest { PostId = postId });

        // Assert
        Assert.Equal((90.0, 10.0, 0L), (arm.PriorAlpha, arm.PriorBeta, arm.Impressions), new ToleranceComparer());
        Assert.Equal(PriorSource.Explicit, read.PriorSource);
        Assert.Equal(postId, top.Posts[0].PostId);
        Assert.Equal(0.9, top.Posts[0].PosteriorMean, 12);
    }

    public static TheoryData<RegisterPostRequest, string> BadRegistrations => new()
    {
        { new RegisterPostRequest { PostId = "p" }, "prior is required" },
        {
            new RegisterPostRequest { PostId = "p", ClickRate = new ClickRatePrior { ClickRate = 1.0, Strength = 5 } },
            "click_rate.click_rate must lie strictly between 0 and 1"
        },
        {
            new RegisterPostRequest { PostId = "p", ClickRate = new ClickRatePrior { ClickRate = 0.1, Strength = 0 } },
            "click_rate.strength must be between"
        },
        {
            new RegisterPostRequest { PostId = "p", Beta = new BetaPrior { Alpha = double.NaN, Beta = 1 } },
            "prior must have alpha and beta between"
        },
        {
            new RegisterPostRequest { PostId = "bad id", Beta = new BetaPrior { Alpha = 1, Beta = 1 } },
            "post_id may hold only"
        },
    };

    [Theory]
    [MemberData(nameof(BadRegistrations))]
    public async Task RegisterPost_BadPrior_IsInvalidArgumentNamingTheField(
        RegisterPostRequest request,
        string expected)
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () => await Client.RegisterPostAsync(request));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(expected, error.Status.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(RankingPolicy.PosteriorMean, 1.0)]
    [InlineData(RankingPolicy.BayesUcb, 1.0)]
    [InlineData(RankingPolicy.ThompsonSampling, null)]
    [InlineData(RankingPolicy.UniformRandom, -1.0)]
    [InlineData(RankingPolicy.EpsilonGreedy, -1.0)]
    public async Task GetTopK_EachPolicy_AnswersWithRankingIdAndItsPropensities(
        RankingPolicy policy,
        double? fixedPropensity)
    {
        // Arrange: at least five posts exist.
        for (var i = 0; i < 5; i++)
        {
            await Client.RegisterPostAsync(new RegisterPostRequest
            {
                PostId = $"pol-{i}",
                Beta = new BetaPrior { Alpha = 1 + i, Beta = 50 },
            });
        }

        // Act
        var reply = await Client.GetTopKAsync(new GetTopKRequest { K = 5, Policy = policy, Seed = 99 });
        var again = await Client.GetTopKAsync(new GetTopKRequest { K = 5, Policy = policy, Seed = 99 });

        // Assert: five distinct posts, a fresh ranking id each time, the same list for the same seed.
        Assert.Equal(policy, reply.Policy);
        Assert.Equal(5, reply.Posts.Select(p => p.PostId).Distinct().Count());
        Assert.Equal(32, reply.RankingId.Length);
        Assert.NotEqual(reply.RankingId, again.RankingId);
        Assert.Equal(reply.Posts.Select(p => p.PostId), again.Posts.Select(p => p.PostId));
        foreach (var post in reply.Posts)
        {
            switch (fixedPropensity)
            {
                case null:
                    Assert.False(post.HasPropensity);
                    break;
                case > 0:
                    Assert.Equal(fixedPropensity.Value, post.Propensity);
                    break;
                default:
                    Assert.InRange(post.Propensity, 1e-9, 1.0);
                    break;
            }
        }
    }

    [Fact]
    public async Task GetTopK_BadEpsilon_IsInvalidArgument()
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () => await Client.GetTopKAsync(
            new GetTopKRequest { K = 3, Policy = RankingPolicy.EpsilonGreedy, Epsilon = 1.5 }));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("epsilon must be between 0 and 1", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetTopK_ServedRanking_IsLoggedToKafkaUnderItsRankingId()
    {
        // Arrange
        await Client.RegisterPostAsync(new RegisterPostRequest
        {
            PostId = "logged-post",
            Beta = new BetaPrior { Alpha = 5, Beta = 5 },
        });

        // Act
        var reply = await Client.GetTopKAsync(new GetTopKRequest { K = 3, Policy = RankingPolicy.EpsilonGreedy });
        var logged = ReadServed(reply.RankingId, TimeSpan.FromSeconds(20));

        // Assert
        Assert.Equal("EpsilonGreedy", logged.Policy);
        Assert.Equal(reply.Seed, logged.Seed);
        Assert.Equal(
            reply.Posts.Select(p => (p.PostId, p.Rank, p.Propensity)),
            logged.Posts.Select(p => (p.PostId, p.Position, p.Propensity)));
    }

    private ServedRanking ReadServed(string rankingId, TimeSpan timeout)
    {
        using var consumer = new ConsumerBuilder<string, byte[]>(new ConsumerConfig
        {
            BootstrapServers = fixture.Broker.BootstrapServers,
            GroupId = "served-" + Guid.NewGuid().ToString("N"),
            AutoOffsetReset = AutoOffsetReset.Earliest,
        }).Build();
        consumer.Subscribe(fixture.ServedTopic);
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var result = consumer.Consume(TimeSpan.FromMilliseconds(200));
            if (result?.Message?.Key == rankingId)
            {
                return ServedRanking.Parser.ParseFrom(result.Message.Value);
            }
        }

        throw new TimeoutException($"ranking {rankingId} was not logged within {timeout}");
    }

    private sealed class ToleranceComparer : IEqualityComparer<(double, double, long)>
    {
        public bool Equals((double, double, long) x, (double, double, long) y) =>
            Math.Abs(x.Item1 - y.Item1) < 1e-9 && Math.Abs(x.Item2 - y.Item2) < 1e-9 && x.Item3 == y.Item3;

        public int GetHashCode((double, double, long) obj) => obj.Item3.GetHashCode();
    }
}
