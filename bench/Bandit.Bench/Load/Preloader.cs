using System.Diagnostics;
using Bandit.Contracts.Events.V1;
using Confluent.Kafka;
using Google.Protobuf;

namespace Bandit.Bench.Load;

/// <summary>
/// Fills a topic with a seeded click stream before any system reads it, then checks from the watermarks that
/// the broker kept every record (a low watermark above 0 means it dropped the oldest ones).
/// </summary>
internal static class Preloader
{
    // Every preloaded event carries this one Kafka timestamp: identical bytes compress away.
    private static readonly DateTime RecordTime = DateTime.UtcNow;

    public static PreloadResult Run(
        string bootstrapServers,
        string topic,
        int partitions,
        int arms,
        long events,
        int seed)
    {
        var population = new ArmPopulation(arms, seed);
        var stream = new ClickStream(population, new ZipfSampler(arms), seed + 1, $"p{seed}-");
        var eventTime = new DateTimeOffset(RecordTime).ToUnixTimeMilliseconds();
        var timestamp = new Timestamp(RecordTime);
        var seen = new bool[arms];
        var distinct = 0;
        var curve = new int[PreloadResult.CurvePoints];
        var clock = Stopwatch.StartNew();
        using (var producer = BenchProducer.CreateForPreload(bootstrapServers))
        {
            for (long i = 0; i < events; i++)
            {
                // A thousand events share a millisecond: event times stay ordered and compress well.
                var clickEvent = stream.Next(eventTime + i / 1000);
                var arm = population.IndexOf(clickEvent.PostId);
                if (!seen[arm])
                {
                    seen[arm] = true;
                    distinct++;
                }

                curve[(int)(i * PreloadResult.CurvePoints / events)] = distinct;

                var message = new Message<string, byte[]>
                {
                    Key = clickEvent.PostId,
                    Value = clickEvent.ToByteArray(),
                    Timestamp = timestamp,
                };
                BenchProducer.Produce(producer, topic, message);
            }

            while (producer.Flush(TimeSpan.FromSeconds(1)) > 0)
            {
            }
        }

        var produced = clock.Elapsed;
        var marks = TopicWatermarks.Read(bootstrapServers, topic, partitions);
        return new PreloadResult(topic, arms, distinct, curve, events, stream.Clicks, produced, marks);
    }
}
