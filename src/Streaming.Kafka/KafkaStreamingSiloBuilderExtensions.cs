using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Streams;

namespace Bandit.Streaming.Kafka;

/// <summary>Registers a Kafka stream provider on a silo.</summary>
public static class KafkaStreamingSiloBuilderExtensions
{
    /// <summary>
    /// Adds a persistent stream provider that reads a Kafka topic, one Orleans queue per partition.
    /// <typeparamref name="TMapper"/> turns records into stream items.
    /// </summary>
    public static ISiloBuilder AddKafkaStreams<TMapper>(
        this ISiloBuilder builder,
        string name,
        Action<KafkaStreamOptions> configure,
        Action<ISiloPersistentStreamConfigurator>? configureStream = null)
        where TMapper : class, IKafkaRecordMapper
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(configure);

        builder.Services.AddOptions<KafkaStreamOptions>(name)
            .Configure(configure)
            .Validate(
                o => !string.IsNullOrWhiteSpace(o.BootstrapServers),
                "KafkaStreamOptions.BootstrapServers is required.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.Topic), "KafkaStreamOptions.Topic is required.")
            .Validate(
                o => !string.IsNullOrWhiteSpace(o.ConsumerGroup),
                "KafkaStreamOptions.ConsumerGroup is required.")
            .Validate(o => o.Partitions > 0, "KafkaStreamOptions.Partitions must be positive.")
            .Validate(o => o.MaxRecordsPerPull > 0, "KafkaStreamOptions.MaxRecordsPerPull must be positive.")
            .ValidateOnStart();
        builder.Services.AddKeyedSingleton<IKafkaRecordMapper, TMapper>(name);

        return builder.AddPersistentStreams(name, KafkaQueueAdapterFactory.Create, stream =>
        {
            configureStream?.Invoke(stream);
        });
    }
}
