using Bandit.Contracts.Gateway.V1;
using Bandit.Gateway.Live;
using Bandit.Tests.Fixtures;
using Grpc.Core;

namespace Bandit.Tests.Live;

/// <summary>A gateway serves a bounded number of watches: each one reads the ranking every interval.</summary>
[Collection(GatewaySiloCollection.Name)]
public sealed class WatchLimitTests(GatewaySiloFixture fixture)
{
    [Fact]
    public async Task WatchTopK_PastTheLimit_IsResourceExhaustedUntilOneCloses()
    {
        // Arrange: as many watches as allowed, each with its first update in hand.
        var watches = new List<AsyncServerStreamingCall<TopKUpdate>>();
        try
        {
            for (var i = 0; i < LiveViewOptions.DefaultMaxWatchers; i++)
            {
                var call = fixture.Silo.Client.WatchTopK(new WatchTopKRequest { K = 3 });
                Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
                watches.Add(call);
            }

            // Act
            using var extra = fixture.Silo.Client.WatchTopK(new WatchTopKRequest { K = 3 });
            var refused = await Assert.ThrowsAsync<RpcException>(
                () => extra.ResponseStream.MoveNext(CancellationToken.None));
            watches[0].Dispose();
            watches.RemoveAt(0);
            var again = await Eventually.ReturnsAsync(async () =>
            {
                using var retry = fixture.Silo.Client.WatchTopK(new WatchTopKRequest { K = 3 });
                try
                {
                    return await retry.ResponseStream.MoveNext(CancellationToken.None);
                }
                catch (RpcException)
                {
                    return false;
                }
            }, ok => ok, TimeSpan.FromSeconds(20), "a watch after one closed");

            // Assert
            Assert.Equal(StatusCode.ResourceExhausted, refused.StatusCode);
            Assert.Contains("already serves 16 watches", refused.Status.Detail, StringComparison.Ordinal);
            Assert.True(again);
        }
        finally
        {
            watches.ForEach(w => w.Dispose());
        }
    }
}
