using System.Diagnostics;
using Bandit.ClickLogs;
using Bandit.Contracts.Gateway.V1;
using Bandit.DevBroker;
using Bandit.Tests.Fixtures;
using Grpc.Core;
using Xunit.Abstractions;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Bandit.Tests.Faults;

/// <summary>
/// The broker goes away: the gateway must say so (Unavailable) within a bounded time instead of hanging or
/// answering OK, and nothing it did not get acknowledged may show up in the counts.
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class BrokerOutageTests(RedisServer redis, ITestOutputHelper output)
{
    private const string Topic = "clicks-outage";
    private const string AckedPost = "acked-post";
    private const string UnackedPost = "unacked-post";

    // Bandit:Kafka:ProduceTimeout (5 s by default) plus room for a slow machine.
    private static readonly TimeSpan AnswerBound = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan HealthTimeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task BrokerGone_RecordEvents_AnswerUnavailableAndCountNothing()
    {
        // Arrange: a broker only this test uses, so that it can be taken away; one click goes through first.
        using var dedicated = MockKafkaCluster.Start(new MockKafkaClusterOptions());
        dedicated.CreateTopic(Topic, 2);
        var settings = new TestSiloSettings(
            dedicated.BootstrapServers,
            Topic,
            2,
            redis.ConnectionString,
            $"broker-{Guid.NewGuid():N}"[..15]);
        await using var silo = new SiloProcess("silo", settings, output);
        await silo.StartAsync();
        var acked = await silo.Client.RecordClickAsync(new RecordEventRequest { PostId = AckedPost });
        await IngestWaiter.WaitAsync(
            silo.Client,
            new Dictionary<int, long> { [acked.Partition] = acked.Offset },
            TimeSpan.FromSeconds(60));

        // Act
        dedicated.Dispose();
        var answers = await Task.WhenAll(
            AnswerAsync(deadline => silo.Client.RecordClickAsync(
                new RecordEventRequest { PostId = AckedPost }, deadline: deadline)),
            AnswerAsync(deadline => silo.Client.RecordImpressionAsync(
                new RecordEventRequest { PostId = UnackedPost }, deadline: deadline)));
        var health = await Eventually.ReturnsAsync(
            silo.HealthAsync, s => s == ServingStatus.NotServing, HealthTimeout, "health NOT_SERVING");
        output.WriteLine("answers without a broker: "
            + string.Join(", ", answers.Select(a => $"{a.Status} after {a.Elapsed.TotalSeconds:0.0}s")));

        // Assert: refused in bounded time, and the counts hold exactly what was acknowledged before.
        Assert.All(answers, a => Assert.Equal(StatusCode.Unavailable, a.Status));
        Assert.All(answers, a => Assert.InRange(a.Elapsed, TimeSpan.Zero, AnswerBound));
        Assert.Equal(ServingStatus.NotServing, health);
        var arm = await silo.Client.GetArmAsync(new GetArmRequest { PostId = AckedPost });
        Assert.Equal((0L, 1L), (arm.Impressions, arm.Clicks));
        var missing = await Assert.ThrowsAsync<RpcException>(
            () => silo.Client.GetArmAsync(new GetArmRequest { PostId = UnackedPost }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
    }

    // The call's own deadline lies beyond the bound: a hang shows as DeadlineExceeded, not as a stuck test.
    private static async Task<(StatusCode Status, TimeSpan Elapsed)> AnswerAsync(
        Func<DateTime, AsyncUnaryCall<RecordEventReply>> call)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            await call(DateTime.UtcNow + AnswerBound + AnswerBound);
            return (StatusCode.OK, clock.Elapsed);
        }
        catch (RpcException ex)
        {
            return (ex.StatusCode, clock.Elapsed);
        }
    }
}
