using Confluent.Kafka;

namespace Bandit.Tools.Report;

/// <summary>
/// Reads a whole topic, from the first record to the end each partition had when reading began, without a
/// consumer group (partitions are assigned, nothing is committed).
/// </summary>
internal static class TopicReader
{
    /// <summary>The records and, per partition, the end offset read to (exclusive).</summary>
    public static (List<TopicRecord> Records, long[] Ends) Read(
        string bootstrapServers,
        string topic,
        Action<long, long>? progress,
        TimeSpan timeout)
    {
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrapServers })
            .SetLogHandler((_, _) => { })
            .Build();
        var partitions = admin.GetMetadata(timeout).Topics
            .SingleOrDefault(t => t.Topic == topic && !t.Error.IsError)?.Partitions.Count
            ?? throw new InvalidOperationException($"topic {topic} does not exist at {bootstrapServers}");

        using var consumer = new ConsumerBuilder<Ignore, byte[]>(new ConsumerConfig
        {
            BootstrapServers = bootstrapServers,
            GroupId = "bandit-report-" + Guid.NewGuid().ToString("N"),
            EnableAutoCommit = false,
            EnablePartitionEof = true,
        }).SetLogHandler((_, _) => { }).Build();
        var ends = new long[partitions];
        var assigned = new List<TopicPartitionOffset>();
        for (var p = 0; p < partitions; p++)
        {
            var marks = consumer.QueryWatermarkOffsets(new TopicPartition(topic, p), timeout);
            ends[p] = marks.High.Value;
            if (marks.High.Value > marks.Low.Value)
            {
                assigned.Add(new TopicPartitionOffset(topic, p, marks.Low));
            }
        }

        var total = ends.Sum();
        var records = new List<TopicRecord>((int)Math.Min(total, 50_000_000));
        var open = assigned.Select(a => a.Partition.Value).ToHashSet();
        consumer.Assign(assigned);
        var deadline = DateTime.UtcNow + timeout;
        while (open.Count > 0)
        {
            var result = consumer.Consume(TimeSpan.FromMilliseconds(200));
            if (result is null)
            {
                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException($"reading {topic} stalled with {open.Count} partitions unfinished");
                }

                continue;
            }

            deadline = DateTime.UtcNow + timeout;
            var partition = result.Partition.Value;
            if (!result.IsPartitionEOF && result.Offset.Value < ends[partition])
            {
                records.Add(new TopicRecord(
                    partition, result.Offset.Value, result.Message.Timestamp.UnixTimestampMs, result.Message.Value));
                if (records.Count % 50_000 == 0)
                {
                    progress?.Invoke(records.Count, total);
                }
            }

            if (result.IsPartitionEOF || result.Offset.Value >= ends[partition] - 1)
            {
                open.Remove(partition);
            }
        }

        progress?.Invoke(records.Count, total);
        return (records, ends);
    }
}
