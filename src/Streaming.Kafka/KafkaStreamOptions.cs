namespace Bandit.Streaming.Kafka;

/// <summary>How a Kafka stream provider reaches its topic. One Orleans queue per Kafka partition.</summary>
public sealed class KafkaStreamOptions
{
    /// <summary>Default records taken from one partition per pull.</summary>
    public const int DefaultMaxRecordsPerPull = 2000;

    /// <summary>
    /// Default size of the per-partition cache, in batches. Small on purpose: Orleans releases (and so lets us
    /// commit) a batch only when a whole tenth of the cache has been consumed, so a large cache keeps a quiet
    /// partition's offsets uncommitted for long.
    /// </summary>
    public const int DefaultCacheSize = 16;

    /// <summary>Default read-ahead budget: a few batches in flight per core is all a silo can apply at once.</summary>
    public const int DefaultReadAheadRecords = 16_384;

    /// <summary>Kafka bootstrap servers, "host:port[,host:port]".</summary>
    public string BootstrapServers { get; set; } = "";

    /// <summary>The topic to read.</summary>
    public string Topic { get; set; } = "";

    /// <summary>The consumer group whose committed offsets say where reading resumes.</summary>
    public string ConsumerGroup { get; set; } = "";

    /// <summary>Number of partitions of the topic; each becomes one Orleans queue.</summary>
    public int Partitions { get; set; }

    /// <summary>Most records taken from one partition per pull; they become one stream item per stream.</summary>
    public int MaxRecordsPerPull { get; set; } = DefaultMaxRecordsPerPull;

    /// <summary>Batches a queue holds until every consumer has processed them.</summary>
    public int CacheSize { get; set; } = DefaultCacheSize;

    /// <summary>
    /// Records all queues of this provider in one silo may hold read but not yet released, beyond two batches
    /// per queue (see <see cref="ReadAheadBudget"/>).
    /// </summary>
    public int ReadAheadRecords { get; set; } = DefaultReadAheadRecords;

    /// <summary>
    /// Extra librdkafka settings for the consumer (security, timeouts). The receiver's own settings
    /// (bootstrap servers, group, offset storing and committing, client id) win over these.
    /// </summary>
    public Dictionary<string, string> ConsumerConfig { get; } = new(StringComparer.Ordinal);
}
