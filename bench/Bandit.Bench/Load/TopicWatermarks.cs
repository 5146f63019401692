using Confluent.Kafka;

namespace Bandit.Bench.Load;

/// <summary>The low and high watermark of every partition of a topic.</summary>
internal sealed record TopicWatermarks(IReadOnlyList<(long Low, long High)> Partitions)
{
    /// <summary>Records the broker holds.</summary>
    public long Held => Partitions.Sum(p => p.High - p.Low);

    /// <summary>Records ever appended (high watermarks), including any the broker dropped.</summary>
    public long Appended => Partitions.Sum(p => p.High);

    /// <summary>Records the broker dropped from the head of a partition to stay within its size limit.</summary>
    public long Dropped => Partitions.Sum(p => p.Low);

    /// <summary>The last offset of each partition, or -1 when it is empty.</summary>
    public IReadOnlyDictionary<int, long> LastOffsets() =>
        Partitions.Select((p, i) => (i, p.High - 1)).ToDictionary(x => x.i, x => x.Item2);

    public static TopicWatermarks Read(string bootstrapServers, string topic, int partitions)
    {
        var config = new ConsumerConfig { BootstrapServers = bootstrapServers, GroupId = "bench-watermarks" };
        using var consumer = new ConsumerBuilder<Ignore, Ignore>(config).SetLogHandler((_, _) => { }).Build();
        var marks = new List<(long, long)>(partitions);
        for (var p = 0; p < partitions; p++)
        {
            var offsets = consumer.QueryWatermarkOffsets(new TopicPartition(topic, p), TimeSpan.FromSeconds(10));
            marks.Add((offsets.Low.Value, offsets.High.Value));
        }

        return new TopicWatermarks(marks);
    }
}
