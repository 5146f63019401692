using Bandit.ClickLogs;
using Bandit.Contracts.Gateway.V1;
using Bandit.Tests.Fixtures;
using Grpc.Core;

namespace Bandit.Tests.Live;

/// <summary>Retiring a post through the admin API, against a running silo.</summary>
[Collection(GatewaySiloCollection.Name)]
public sealed class RemovePostTests(GatewaySiloFixture fixture)
{
    private static readonly RankingPolicy[] Policies =
    [
        RankingPolicy.PosteriorMean, RankingPolicy.BayesUcb, RankingPolicy.ThompsonSampling,
        RankingPolicy.EpsilonGreedy, RankingPolicy.UniformRandom,
    ];

    private FeedRanking.FeedRankingClient Client => fixture.Silo.Client;

    private FeedAdmin.FeedAdminClient Admin => new(fixture.Silo.Channel);

    [Fact]
    public async Task RemovePost_LateEventsArrive_PostNeverRankedAgainButCounted()
    {
        // Arrange: a post at the top of the greedy ranking, with some evidence.
        var postId = "retire-" + Guid.NewGuid().ToString("N")[..10];
        await Client.RegisterPostAsync(new RegisterPostRequest
        {
            PostId = postId,
            Beta = new BetaPrior { Alpha = 999_999, Beta = 1 },
        });
        var before = await Client.RecordImpressionAsync(new RecordEventRequest { PostId = postId });
        await IngestWaiter.WaitAsync(Client, Offsets(before), TimeSpan.FromSeconds(30));
        Assert.Equal(postId, (await TopAsync(RankingPolicy.PosteriorMean, 1))[0]);

        // Act: retire it, then let late impressions and clicks for it arrive.
        var removed = await Admin.RemovePostAsync(new RemovePostRequest { PostId = postId });
        var late = new List<RecordEventReply>();
        for (var i = 0; i < 3; i++)
        {
            late.Add(await Client.RecordImpressionAsync(new RecordEventRequest { PostId = postId }));
            late.Add(await Client.RecordClickAsync(new RecordEventRequest { PostId = postId }));
        }

        await IngestWaiter.WaitAsync(Client, Offsets([.. late]), TimeSpan.FromSeconds(30));

        // Assert: absent from every policy's full ranking; the late events counted on the arm.
        Assert.True(removed.WasKnown);
        foreach (var policy in Policies)
        {
            Assert.DoesNotContain(postId, await TopAsync(policy, 1000));
        }

        var arm = await Client.GetArmAsync(new GetArmRequest { PostId = postId });
        Assert.True(arm.Retired);
        Assert.Equal((4L, 3L), (arm.Impressions, arm.Clicks));
    }

    [Fact]
    public async Task RemovePost_BeforeTheFirstEvent_PostIsNeverRanked()
    {
        // Arrange
        var postId = "pre-retire-" + Guid.NewGuid().ToString("N")[..10];

        // Act: retired in advance, then its first click arrives.
        var removed = await Admin.RemovePostAsync(new RemovePostRequest { PostId = postId });
        var click = await Client.RecordClickAsync(new RecordEventRequest { PostId = postId });
        await IngestWaiter.WaitAsync(Client, Offsets(click), TimeSpan.FromSeconds(30));

        // Assert
        Assert.False(removed.WasKnown);
        Assert.DoesNotContain(postId, await TopAsync(RankingPolicy.UniformRandom, 1000));
        Assert.True((await Client.GetArmAsync(new GetArmRequest { PostId = postId })).Retired);
    }

    [Fact]
    public async Task RemovePost_BadPostId_IsInvalidArgument()
    {
        var error = await Assert.ThrowsAsync<RpcException>(
            async () => await Admin.RemovePostAsync(new RemovePostRequest { PostId = "no spaces" }));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("post_id", error.Status.Detail, StringComparison.Ordinal);
    }

    private async Task<List<string>> TopAsync(RankingPolicy policy, int k)
    {
        var reply = await Client.GetTopKAsync(new GetTopKRequest { K = k, Policy = policy });
        return [.. reply.Posts.Select(p => p.PostId)];
    }

    private static Dictionary<int, long> Offsets(params RecordEventReply[] replies) =>
        replies.GroupBy(r => r.Partition).ToDictionary(g => g.Key, g => g.Max(r => r.Offset));
}
