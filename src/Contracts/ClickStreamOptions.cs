namespace Bandit.Contracts;

/// <summary>
/// Where the click stream lives. Bound from <c>Bandit:Kafka</c> by every process that touches it.
/// </summary>
public sealed class ClickStreamOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Bandit:Kafka";

    /// <summary>Default topic name.</summary>
    public const string DefaultTopic = "bandit-clicks";

    /// <summary>Default partition count of the topic.</summary>
    public const int DefaultPartitions = 8;

    /// <summary>Default port of the embedded development broker.</summary>
    public const int DefaultEmbeddedBrokerPort = 9092;

    /// <summary>
    /// Kafka bootstrap servers. Empty means: start an embedded, in-memory, Kafka-protocol broker in the
    /// silo (development only: it loses everything when the process ends).
    /// </summary>
    public string BootstrapServers { get; set; } = "";

    /// <summary>The click-stream topic; records are keyed by post id.</summary>
    public string Topic { get; set; } = DefaultTopic;

    /// <summary>Partitions of the topic. Every process must agree with the broker.</summary>
    public int Partitions { get; set; } = DefaultPartitions;

    /// <summary>Where refused records go, with the reason in a header; empty means "{Topic}.deadletter".</summary>
    public string DeadLetterTopic { get; set; } = "";

    /// <summary>The dead-letter topic actually used.</summary>
    public string EffectiveDeadLetterTopic =>
        string.IsNullOrEmpty(DeadLetterTopic) ? Topic + ".deadletter" : DeadLetterTopic;

    /// <summary>The silos' consumer group, which owns the committed offsets.</summary>
    public string ConsumerGroup { get; set; } = "bandit-silos";

    /// <summary>Port of the embedded broker's bootstrap address on 127.0.0.1; 0 picks a free one.</summary>
    public int EmbeddedBrokerPort { get; set; } = DefaultEmbeddedBrokerPort;

    /// <summary>How long a producer waits for the broker to acknowledge an event before giving up.</summary>
    public TimeSpan ProduceTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// librdkafka settings for every Kafka client of the service: security protocol, SASL credentials,
    /// TLS; e.g. <c>Bandit:Kafka:Client:sasl.password</c>, in the environment
    /// <c>Bandit__Kafka__Client__sasl.password</c>. The settings the service relies on (bootstrap servers,
    /// acks, idempotence, offset handling) are its own and win over these.
    /// </summary>
    public Dictionary<string, string> Client { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// A copy of <see cref="Client"/> for a new client configuration to start from. A setting with an empty
    /// value is left out, so that an empty environment variable means librdkafka's default.
    /// </summary>
    public Dictionary<string, string> CopyClientSettings() => Client
        .Where(setting => !string.IsNullOrEmpty(setting.Value))
        .ToDictionary(StringComparer.Ordinal);
}
