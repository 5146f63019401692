using Bandit.Contracts.Gateway.V1;
using Bandit.Tests.Fixtures;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Bandit.Tests.Limits;

/// <summary>Limits of the request shape that had no test yet: message size and event times ahead.</summary>
[Collection(GatewaySiloCollection.Name)]
public sealed class GatewayLimitTests(GatewaySiloFixture fixture)
{
    [Fact]
    public async Task RecordClick_MessageOver64KiB_IsResourceExhausted()
    {
        var request = new RecordEventRequest { PostId = "p", UserId = new string('u', 70 * 1024) };

        var error = await Assert.ThrowsAsync<RpcException>(
            async () => await fixture.Silo.Client.RecordClickAsync(request));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Contains("exceeds the maximum", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordClick_IdJustUnderTheMessageLimit_IsStillRefusedByItsOwnLimit()
    {
        var request = new RecordEventRequest { PostId = "p", SessionId = new string('s', 60 * 1024) };

        var error = await Assert.ThrowsAsync<RpcException>(
            async () => await fixture.Silo.Client.RecordClickAsync(request));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("session_id must be at most 128 characters", error.Status.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("two days ahead")]
    [InlineData("after year 9999")]
    [InlineData("before year 1")]
    [InlineData("nanos of a whole second")]
    public async Task RecordImpression_EventTimeFarAheadOrOutOfRange_IsInvalidArgument(string when)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var eventTime = when switch
        {
            "two days ahead" => new Timestamp { Seconds = now + 2 * 86_400 },
            "after year 9999" => new Timestamp { Seconds = 253_402_300_800 },
            "before year 1" => new Timestamp { Seconds = -62_135_596_801 },
            _ => new Timestamp { Seconds = now, Nanos = 1_000_000_000 },
        };

        var request = new RecordEventRequest { PostId = "p", EventTime = eventTime };

        var error = await Assert.ThrowsAsync<RpcException>(
            async () => await fixture.Silo.Client.RecordImpressionAsync(request));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("event_time ", error.Status.Detail, StringComparison.Ordinal);
    }
}
