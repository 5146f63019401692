using Bandit.Contracts.Events.V1;
using Confluent.Kafka;
using Google.Protobuf;

namespace Bandit.Bench.Load;

/// <summary>
/// One impression for every post of a population: what a live session's topic starts with, so that the system
/// holds all N arms before the live measures begin.
/// </summary>
internal static class WarmSet
{
    public static void Produce(string bootstrapServers, string topic, ArmPopulation arms, string idPrefix)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        using var producer = BenchProducer.CreateForPreload(bootstrapServers);
        for (var i = 0; i < arms.Count; i++)
        {
            var clickEvent = new ClickStreamEvent
            {
                EventId = string.Concat(idPrefix, i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                PostId = arms.PostIdAt(i),
                Type = ClickStreamEventType.Impression,
                EventTimeUnixMs = now,
            };
            BenchProducer.Produce(
                producer,
                topic,
                new Message<string, byte[]> { Key = clickEvent.PostId, Value = clickEvent.ToByteArray() });
        }

        while (producer.Flush(TimeSpan.FromSeconds(1)) > 0)
        {
        }
    }
}
