using Confluent.Kafka;

namespace Bandit.Bench.Load;

/// <summary>Producer settings for the two ways the bench writes: filling a topic, and a live paced stream.</summary>
internal static class BenchProducer
{
    // The mock broker keeps ~5 MiB of stored batches per partition and drops the oldest beyond that. Measured
    // here: 10M events at 1e3 arms put 1.35M records in the hottest of 64 partitions; zstd at its default level
    // dropped 450k of them, lz4 1.2M, zstd level 12 with 8 MB batches none (< 3.9 bytes a record).
    private const int PreloadBatchBytes = 8_000_000;
    private const int PreloadZstdLevel = 12;
    private const int LiveBatchBytes = 1_000_000;

    // The mock broker finds a fetch offset by walking a partition's stored batches from the oldest, so a live
    // stream of tiny batches (linger 2 ms: ~500 a second per partition) makes every fetch slower until consumers
    // fall behind at any rate. 20 ms keeps the list short; it adds ~10 ms on average to the measured lag.
    private const int LiveLingerMs = 20;

    /// <summary>Slow to compress, small to keep: for filling a topic once.</summary>
    public static IProducer<string, byte[]> CreateForPreload(string bootstrapServers) =>
        Create(new ProducerConfig
        {
            BootstrapServers = bootstrapServers,
            LingerMs = 200,
            BatchSize = PreloadBatchBytes,
            MessageMaxBytes = PreloadBatchBytes + 100_000,
            CompressionType = CompressionType.Zstd,
            CompressionLevel = PreloadZstdLevel,
            EnableDeliveryReports = false,
        });

    /// <summary>Short linger, cheap compression, and a delivery report (partition, offset) per record.</summary>
    public static IProducer<string, byte[]> CreateForLive(string bootstrapServers) =>
        Create(new ProducerConfig
        {
            BootstrapServers = bootstrapServers,
            LingerMs = LiveLingerMs,
            BatchSize = LiveBatchBytes,
            CompressionType = CompressionType.Lz4,
            EnableDeliveryReports = true,
            DeliveryReportFields = "status",
        });

    /// <summary>Hands a message to the client, waiting while its local queue is full.</summary>
    public static void Produce(
        IProducer<string, byte[]> producer,
        string topic,
        Message<string, byte[]> message,
        Action<DeliveryReport<string, byte[]>>? onDelivery = null)
    {
        while (true)
        {
            try
            {
                producer.Produce(topic, message, onDelivery);
                return;
            }
            catch (ProduceException<string, byte[]> ex)
                when (ex.Error.Code == Confluent.Kafka.ErrorCode.Local_QueueFull)
            {
                producer.Poll(TimeSpan.FromMilliseconds(5));
            }
        }
    }

    private static IProducer<string, byte[]> Create(ProducerConfig config)
    {
        config.Acks = Acks.Leader;
        config.EnableIdempotence = false;
        config.BatchNumMessages = 1_000_000;
        config.QueueBufferingMaxMessages = 2_000_000;
        config.QueueBufferingMaxKbytes = 1_048_576;
        config.MessageTimeoutMs = 120_000;
        return new ProducerBuilder<string, byte[]>(config).SetLogHandler((_, _) => { }).Build();
    }
}
