using Bandit.ClickLogs;
using Bandit.Contracts.Events.V1;
using Bandit.Contracts.Gateway.V1;
using Bandit.Tests.Fixtures;
using Confluent.Kafka;
using Google.Protobuf;

namespace Bandit.Tests.Gateway;

/// <summary>
/// Both ways into the stream reach the right arm: the gateway, and a plain Kafka producer outside Orleans.
/// </summary>
[Collection(GatewaySiloCollection.Name)]
public sealed class ClickIngestPathTests(GatewaySiloFixture fixture)
{
    private FeedRanking.FeedRankingClient Client => fixture.Silo.Client;

    [Fact]
    public async Task RecordViaGateway_ImpressionsAndClicks_ReachTheArm()
    {
        // Arrange
        var postId = "gw-" + Guid.NewGuid().ToString("N")[..10];

        // Act: three impressions and one click, each acknowledged with its partition and offset.
        var replies = new List<RecordEventReply>();
        for (var i = 0; i < 3; i++)
        {
            replies.Add(await Client.RecordImpressionAsync(new RecordEventRequest { PostId = postId, Position = 1 }));
        }

        replies.Add(await Client.RecordClickAsync(new RecordEventRequest { PostId = postId, EventId = "click-1" }));
        await IngestWaiter.WaitAsync(
            Client,
            replies.GroupBy(r => r.Partition).ToDictionary(g => g.Key, g => g.Max(r => r.Offset)),
            TimeSpan.FromSeconds(30));

        // Assert
        Assert.Single(replies.Select(r => r.Partition).Distinct());
        Assert.Equal("click-1", replies[^1].EventId);
        var arm = await Client.GetArmAsync(new GetArmRequest { PostId = postId });
        Assert.Equal((3L, 1L, 2.0, 3.0), (arm.Impressions, arm.Clicks, arm.Alpha, arm.Beta));
        Assert.NotNull(arm.LastEventTime);
    }

    [Fact]
    public async Task RecordClick_RetriedWithTheSameEventId_CountsOnce()
    {
        // Arrange
        var postId = "retry-" + Guid.NewGuid().ToString("N")[..10];
        var request = new RecordEventRequest { PostId = postId, EventId = "retried-" + postId };

        // Act: the client did not see the first answer and sent the same event again.
        var first = await Client.RecordClickAsync(request);
        var second = await Client.RecordClickAsync(request);
        await IngestWaiter.WaitAsync(
            Client,
            new Dictionary<int, long> { [second.Partition] = Math.Max(first.Offset, second.Offset) },
            TimeSpan.FromSeconds(30));

        // Assert: two records in Kafka, one click on the arm.
        Assert.NotEqual(first.Offset, second.Offset);
        var arm = await Client.GetArmAsync(new GetArmRequest { PostId = postId });
        Assert.Equal(1, arm.Clicks);
    }

    [Fact]
    public async Task PlainKafkaProducer_OutsideOrleans_ReachesTheArm()
    {
        // Arrange
        var postId = "kafka-" + Guid.NewGuid().ToString("N")[..10];
        using var producer = new ProducerBuilder<string, byte[]>(new ProducerConfig
        {
            BootstrapServers = fixture.Broker.BootstrapServers,
            Acks = Acks.All,
        }).Build();
        var time = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        // Act: two impressions and two clicks.
        var offsets = new Dictionary<int, long>();
        foreach (var (type, n) in new[] { (ClickStreamEventType.Impression, 2), (ClickStreamEventType.Click, 2) })
        {
            for (var i = 0; i < n; i++)
            {
                var value = new ClickStreamEvent
                {
                    EventId = $"{type}-{i}",
                    PostId = postId,
                    Type = type,
                    EventTimeUnixMs = time,
                };
                var result = await producer.ProduceAsync(
                    fixture.Topic,
                    new Message<string, byte[]> { Key = postId, Value = value.ToByteArray() });
                offsets[result.Partition.Value] = result.Offset.Value;
            }
        }

        await IngestWaiter.WaitAsync(Client, offsets, TimeSpan.FromSeconds(30));

        // Assert
        var arm = await Client.GetArmAsync(new GetArmRequest { PostId = postId });
        Assert.Equal((2L, 2L, 3.0, 1.0), (arm.Impressions, arm.Clicks, arm.Alpha, arm.Beta));
        Assert.Equal(time, arm.LastEventTime.ToDateTimeOffset().ToUnixTimeMilliseconds());
    }
}
