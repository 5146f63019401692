using System.Text;
using Bandit.ClickLogs;
using Bandit.Contracts.Events.V1;
using Bandit.Contracts.Gateway.V1;
using Bandit.Grains.Ingest;
using Bandit.Tests.Fixtures;
using Confluent.Kafka;
using Google.Protobuf;

namespace Bandit.Tests.Gateway;

/// <summary>Poison records go to the dead-letter topic with their reason; the partition keeps flowing.</summary>
[Collection(GatewaySiloCollection.Name)]
public sealed class DeadLetterTests(GatewaySiloFixture fixture)
{
    [Fact]
    public async Task PoisonRecords_GoToTheDeadLetterTopic_AndTheGoodRecordBehindThemCounts()
    {
        // Arrange: on one partition, four kinds of poison and then a good click.
        var partition = new TopicPartition(fixture.Topic, new Partition(1));
        var postId = "after-poison-" + Guid.NewGuid().ToString("N")[..8];
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var poison = new (byte[]? Key, byte[] Value, string Reason)[]
        {
            ("k"u8.ToArray(), [0xFF, 0x01, 0x02], "not a ClickStreamEvent"),
            (null, Event(postId, ClickStreamEventType.Click, now), "record has no key"),
            ("k"u8.ToArray(), Event(postId, (ClickStreamEventType)7, now), "unknown event type 7"),
            ("k"u8.ToArray(), Event(postId, ClickStreamEventType.Click, 42), "event time 42 ms is outside"),
        };
        using var producer = new ProducerBuilder<byte[]?, byte[]>(new ProducerConfig
        {
            BootstrapServers = fixture.Broker.BootstrapServers,
        }).Build();
        var deadLettersBefore = await ScrapeAsync("bandit_records_dead_lettered_total") ?? 0;

        // Act
        var offsets = new List<long>();
        foreach (var (key, value, _) in poison)
        {
            var message = new Message<byte[]?, byte[]> { Key = key, Value = value };
            var written = await producer.ProduceAsync(partition, message);
            offsets.Add(written.Offset.Value);
        }

        var good = await producer.ProduceAsync(partition, new Message<byte[]?, byte[]>
        {
            Key = Encoding.UTF8.GetBytes(postId),
            Value = Event(postId, ClickStreamEventType.Click, now),
        });
        await IngestWaiter.WaitAsync(
            fixture.Silo.Client,
            new Dictionary<int, long> { [1] = good.Offset.Value },
            TimeSpan.FromSeconds(30));

        // Assert: the good record counted; each poison record is on the dead-letter topic with its reason.
        var arm = await fixture.Silo.Client.GetArmAsync(new GetArmRequest { PostId = postId });
        Assert.Equal(1, arm.Clicks);
        var letters = ReadDeadLetters(offsets);
        Assert.Equal(poison.Length, letters.Count);
        for (var i = 0; i < poison.Length; i++)
        {
            var letter = letters[offsets[i]];
            var reason = Header(letter, KafkaDeadLetterSink.ReasonHeader);
            Assert.Contains(poison[i].Reason, reason, StringComparison.Ordinal);
            Assert.Equal("1", Header(letter, KafkaDeadLetterSink.PartitionHeader));
            Assert.Equal(poison[i].Value, letter.Message.Value);
        }

        var deadLettersAfter = await Eventually.ReturnsAsync(
            () => ScrapeAsync("bandit_records_dead_lettered_total"),
            value => value >= deadLettersBefore + poison.Length,
            TimeSpan.FromSeconds(30),
            "the dead-letter counter reaching the poison count");
        Assert.True(deadLettersAfter >= deadLettersBefore + poison.Length);
        await Eventually.ReturnsAsync(
            () => ScrapeAsync("bandit_kafka_consumer_lag", "partition=\"1\""),
            lag => lag == 0,
            TimeSpan.FromSeconds(30),
            "consumer lag of partition 1 returning to zero");
    }

    [Fact]
    public async Task OversizedPoisonRecord_IsDeadLetteredCut_AndDoesNotHoldThePartition()
    {
        // Arrange: garbage just under the broker's message size limit; with our headers it would not fit whole.
        var partition = new TopicPartition(fixture.Topic, new Partition(2));
        var postId = "after-big-" + Guid.NewGuid().ToString("N")[..8];
        var garbage = Enumerable.Repeat((byte)0xFF, 999_950).ToArray();
        using var producer = new ProducerBuilder<byte[]?, byte[]>(new ProducerConfig
        {
            BootstrapServers = fixture.Broker.BootstrapServers,
            MessageMaxBytes = 1_048_576,
        }).Build();

        // Act
        var big = await producer.ProduceAsync(
            partition,
            new Message<byte[]?, byte[]> { Key = "k"u8.ToArray(), Value = garbage });
        var good = await producer.ProduceAsync(partition, new Message<byte[]?, byte[]>
        {
            Key = Encoding.UTF8.GetBytes(postId),
            Value = Event(postId, ClickStreamEventType.Impression, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()),
        });
        await IngestWaiter.WaitAsync(
            fixture.Silo.Client,
            new Dictionary<int, long> { [2] = good.Offset.Value },
            TimeSpan.FromSeconds(30));

        // Assert
        var arm = await fixture.Silo.Client.GetArmAsync(new GetArmRequest { PostId = postId });
        Assert.Equal(1, arm.Impressions);
        var letter = ReadDeadLetters([big.Offset.Value], sourcePartition: "2")[big.Offset.Value];
        Assert.Equal(KafkaDeadLetterSink.MaxValueBytes, letter.Message.Value!.Length);
        Assert.Equal("key=1 value=999950", Header(letter, KafkaDeadLetterSink.TruncatedHeader));
    }

    private Dictionary<long, ConsumeResult<byte[]?, byte[]?>> ReadDeadLetters(
        List<long> sourceOffsets,
        string sourcePartition = "1")
    {
        using var consumer = new ConsumerBuilder<byte[]?, byte[]?>(new ConsumerConfig
        {
            BootstrapServers = fixture.Broker.BootstrapServers,
            GroupId = "dead-letter-reader-" + Guid.NewGuid().ToString("N"),
            EnableAutoCommit = false,
        }).Build();
        consumer.Assign(new TopicPartitionOffset(fixture.Topic + ".deadletter", 0, Offset.Beginning));
        var found = new Dictionary<long, ConsumeResult<byte[]?, byte[]?>>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (found.Count < sourceOffsets.Count && DateTime.UtcNow < deadline)
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(200)) is { } result
                && Header(result, KafkaDeadLetterSink.PartitionHeader) == sourcePartition
                && sourceOffsets.Contains(OffsetOf(result)))
            {
                found[OffsetOf(result)] = result;
            }
        }

        return found;
    }

    // Sums the samples of a Prometheus metric whose labels contain the filter; null when there is none.
    private async Task<double?> ScrapeAsync(string metric, string labelFilter = "")
    {
        using var http = new HttpClient { BaseAddress = fixture.Silo.WebAddress };
        var text = await http.GetStringAsync("/metrics");
        var samples = text.Split('\n')
            .Where(line => line.StartsWith(metric, StringComparison.Ordinal))
            .Where(line => line.Contains(labelFilter, StringComparison.Ordinal))
            .Where(line => line.Length > metric.Length && line[metric.Length] is '{' or ' ')
            .Select(line => line[(line.LastIndexOf('}') + 1)..].Trim().Split(' ')[0])
            .Select(value => double.Parse(value, System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
        return samples.Count == 0 ? null : samples.Sum();
    }

    private static long OffsetOf(ConsumeResult<byte[]?, byte[]?> result) =>
        long.Parse(Header(result, KafkaDeadLetterSink.OffsetHeader), System.Globalization.CultureInfo.InvariantCulture);

    private static string Header(ConsumeResult<byte[]?, byte[]?> result, string name) =>
        Encoding.UTF8.GetString(result.Message.Headers.GetLastBytes(name));

    private static byte[] Event(string postId, ClickStreamEventType type, long timeMs) => new ClickStreamEvent
    {
        EventId = Guid.NewGuid().ToString("N"),
        PostId = postId,
        Type = type,
        EventTimeUnixMs = timeMs,
    }.ToByteArray();
}
