using Bandit.Contracts.Gateway.V1;
using Bandit.Tests.Fixtures;
using Grpc.Core;

namespace Bandit.Tests.Security;

/// <summary>Each client has its own token bucket: one client over its rate does not slow another.</summary>
[Collection(SecuredSiloCollection.Name)]
public sealed class ClientRateLimitTests(SecuredSiloFixture fixture)
{
    [Fact]
    public async Task Calls_AboveOneClientsBurst_AreResourceExhaustedWhileOtherClientsPass()
    {
        var limited = fixture.Key("limited");
        var refusedAt = -1;
        RpcException? refusal = null;

        for (var call = 1; call <= SecuredSiloFixture.ClientBurst * 2 && refusal is null; call++)
        {
            try
            {
                await fixture.Client.GetIngestProgressAsync(new GetIngestProgressRequest(), limited);
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.ResourceExhausted)
            {
                refusedAt = call;
                refusal = ex;
            }
        }

        var other = await fixture.Client.GetIngestProgressAsync(new GetIngestProgressRequest(), fixture.Key("reader"));

        Assert.NotNull(refusal);
        // The burst, plus the few tokens refilled at 0.5 per second while the loop ran.
        Assert.InRange(refusedAt, SecuredSiloFixture.ClientBurst + 1, SecuredSiloFixture.ClientBurst + 10);
        Assert.Contains(
            "rate limit: this client may make 0.5 calls per second",
            refusal.Status.Detail,
            StringComparison.Ordinal);
        Assert.NotEmpty(other.Partitions);
    }
}
