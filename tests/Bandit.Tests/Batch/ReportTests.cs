using System.Text.RegularExpressions;
using Bandit.Contracts.Events.V1;
using Bandit.Tests.Fixtures;
using Bandit.Tools.Report;
using Confluent.Kafka;
using Google.Protobuf;

namespace Bandit.Tests.Batch;

/// <summary>The report command's pipeline against a real (dev) broker.</summary>
public sealed partial class ReportTests(DevBrokerFixture broker) : IClassFixture<DevBrokerFixture>
{
    [Fact]
    public async Task Report_ClicksAndServedRankings_WritesTotalsExplorationAndFourPlots()
    {
        // Arrange: three posts over an hour of event time (3, 1 and 0 clicks on 10 impressions each), then two
        // served rankings: the greedy order, and one with every slot off it.
        var clicks = broker.CreateTopic(2);
        var served = broker.CreateTopic(1);
        using var producer = new ProducerBuilder<string, byte[]>(new ProducerConfig
        {
            BootstrapServers = broker.BootstrapServers,
        }).Build();
        var start = DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var n = 0;
        foreach (var (post, clicked) in new[] { ("p1", 3), ("p2", 1), ("p3", 0) })
        {
            for (var i = 0; i < 10; i++)
            {
                await ProduceAsync(producer, clicks, post, ClickStreamEventType.Impression, start.AddMinutes(n++));
                if (i < clicked)
                {
                    await ProduceAsync(producer, clicks, post, ClickStreamEventType.Click, start.AddMinutes(n++));
                }
            }
        }

        var later = DateTimeOffset.UtcNow.AddMinutes(1).ToUnixTimeMilliseconds();
        await ProduceServedAsync(producer, served, later, "p1", "p2", "p3");
        await ProduceServedAsync(producer, served, later + 1000, "p3", "p1", "p2");
        var output = Path.Combine(Directory.CreateTempSubdirectory("bandit-report-").FullName, "report.html");
        var progress = new StringWriter();

        // Act
        var data = await ReportBuilder.BuildAsync(
            new ReportSettings(broker.BootstrapServers, clicks, served, "", Top: 2, Buckets: 12, output),
            progress);
        var html = await File.ReadAllTextAsync(output);

        // Assert
        Assert.Equal((30L, 4L, 3), (data.Impressions, data.Clicks, data.Posts));
        Assert.Equal(["p1", "p2"], data.Leaders.Select(l => l.PostId));
        Assert.Equal(3L, data.ExplorationOverTime.Sum(b => b.Explored));
        Assert.Equal(3L, data.ExplorationOverTime.Sum(b => b.Exploited));
        Assert.Contains("3 of 6 (50.0%)", html, StringComparison.Ordinal);
        Assert.Contains("reading " + clicks + ": 34 of 34 records", progress.ToString(), StringComparison.Ordinal);
        var images = PngImages().Matches(html).Select(m => Convert.FromBase64String(m.Groups[1].Value)).ToList();
        Assert.Equal(
            ["ctr", "membership", "intervals", "exploration"],
            PngIds().Matches(html).Select(m => m.Groups[1].Value));
        Assert.All(images, png => Assert.True(png.Length > 5_000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G'));
    }

    private static Task ProduceAsync(
        IProducer<string, byte[]> producer,
        string topic,
        string post,
        ClickStreamEventType type,
        DateTimeOffset time) =>
        producer.ProduceAsync(topic, new Message<string, byte[]>
        {
            Key = post,
            Value = new ClickStreamEvent
            {
                EventId = Guid.NewGuid().ToString("N"),
                PostId = post,
                Type = type,
                EventTimeUnixMs = time.ToUnixTimeMilliseconds(),
            }.ToByteArray(),
        });

    private static Task ProduceServedAsync(
        IProducer<string, byte[]> producer,
        string topic,
        long at,
        params string[] posts)
    {
        var ranking = new ServedRanking
        {
            RankingId = Guid.NewGuid().ToString("N"),
            ServedTimeUnixMs = at,
            K = posts.Length,
        };
        ranking.Posts.AddRange(posts.Select((p, i) => new ServedPost { PostId = p, Position = i + 1 }));
        return producer.ProduceAsync(
            topic,
            new Message<string, byte[]> { Key = ranking.RankingId, Value = ranking.ToByteArray() });
    }

    [GeneratedRegex("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"")]
    private static partial Regex PngImages();

    [GeneratedRegex("<img id=\"([a-z]+)\"")]
    private static partial Regex PngIds();
}
