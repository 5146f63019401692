using Bandit.Contracts.Gateway.V1;
using Bandit.Tests.Fixtures;
using Grpc.Core;

namespace Bandit.Tests.Limits;

/// <summary>
/// A flood of made-up post ids is refused past the admission burst, with a clear ResourceExhausted, while the
/// posts already admitted keep working. A silo of its own: the test drains the gateway's bucket.
/// </summary>
public sealed class NewPostAdmissionTests : IAsyncLifetime
{
    private const int Burst = 5;
    private readonly DevBrokerFixture _broker = new();
    private TestSilo _silo = null!;

    public async Task InitializeAsync()
    {
        var topic = _broker.CreateTopic(2);
        _silo = await TestSilo.StartAsync(
            new TestSiloSettings(_broker.BootstrapServers, topic, 2, "", "admission-" + Guid.NewGuid().ToString("N"))
            {
                Overrides = new Dictionary<string, string?>
                {
                    // Five new posts, then one every 100 s: nothing refills while the test runs.
                    ["Bandit:Limits:NewPostsPerSecond"] = "0.01",
                    ["Bandit:Limits:NewPostBurst"] = Burst.ToString(System.Globalization.CultureInfo.InvariantCulture),
                },
            });
    }

    public async Task DisposeAsync()
    {
        await _silo.DisposeAsync();
        _broker.Dispose();
    }

    [Fact]
    public async Task RecordImpression_FloodOfNewPosts_RefusedPastTheBurstWhileAdmittedPostsKeepWorking()
    {
        var client = _silo.Client;
        var admitted = Enumerable.Range(0, Burst).Select(i => $"flood-{i}").ToArray();
        foreach (var postId in admitted)
        {
            await client.RecordImpressionAsync(new RecordEventRequest { PostId = postId });
        }

        var refused = new List<RpcException>();
        for (var i = Burst; i < Burst + 50; i++)
        {
            try
            {
                await client.RecordImpressionAsync(new RecordEventRequest { PostId = $"flood-{i}" });
            }
            catch (RpcException ex)
            {
                refused.Add(ex);
            }
        }

        var registration = await Assert.ThrowsAsync<RpcException>(async () => await client.RegisterPostAsync(
            new RegisterPostRequest { PostId = "flood-registered", Beta = new BetaPrior { Alpha = 1, Beta = 1 } }));
        foreach (var postId in admitted)
        {
            await client.RecordClickAsync(new RecordEventRequest { PostId = postId });
        }

        Assert.Equal(50, refused.Count);
        Assert.All(refused, ex => Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode));
        Assert.Contains(
            "post_id 'flood-5' is new to the cluster, and this gateway admits new posts at most at 0.01 per second "
            + "(burst 5)",
            refused[0].Status.Detail,
            StringComparison.Ordinal);
        Assert.Equal(StatusCode.ResourceExhausted, registration.StatusCode);
        var arm = await Eventually.ReturnsAsync(
            () => ArmOrNullAsync(admitted[0]),
            a => a?.Clicks == 1,
            TimeSpan.FromSeconds(30),
            "the click on an admitted post applied");
        Assert.Equal(1, arm!.Impressions);
    }

    [Fact]
    public async Task RecordImpression_MalformedNewPostId_IsInvalidArgumentNotAdmissionRefusal()
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await _silo.Client.RecordImpressionAsync(new RecordEventRequest { PostId = "has space" }));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }

    private async Task<Arm?> ArmOrNullAsync(string postId)
    {
        try
        {
            return await _silo.Client.GetArmAsync(new GetArmRequest { PostId = postId });
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
        {
            return null;
        }
    }
}
