using System.Diagnostics.Metrics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Providers.Streams.Common;
using Orleans.Streams;

namespace Bandit.Streaming.Kafka;

/// <summary>Creates the adapter, cache and queue mapper of one Kafka stream provider.</summary>
public sealed class KafkaQueueAdapterFactory : IQueueAdapterFactory
{
    private readonly string _name;
    private readonly KafkaStreamOptions _options;
    private readonly IKafkaRecordMapper _mapper;
    private readonly IKafkaCommitGate? _commitGate;
    private readonly ILoggerFactory _loggerFactory;
    private readonly HashRingBasedPartitionedStreamQueueMapper _queueMapper;
    private readonly SimpleQueueAdapterCache _cache;
    private readonly KafkaStreamMetrics _metrics;

    private KafkaQueueAdapterFactory(
        string name,
        KafkaStreamOptions options,
        IKafkaRecordMapper mapper,
        IKafkaCommitGate? commitGate,
        IMeterFactory meterFactory,
        ILoggerFactory loggerFactory)
    {
        _metrics = new KafkaStreamMetrics(meterFactory, name, options.Topic);
        _name = name;
        _options = options;
        _mapper = mapper;
        _commitGate = commitGate;
        _loggerFactory = loggerFactory;
        var partitionIds = Enumerable.Range(0, options.Partitions)
            .Select(p => p.ToString(CultureInfo.InvariantCulture))
            .ToArray();
        _queueMapper = new HashRingBasedPartitionedStreamQueueMapper(partitionIds, name);
        _cache = new SimpleQueueAdapterCache(
            new SimpleQueueCacheOptions { CacheSize = options.CacheSize },
            name,
            loggerFactory);
    }

    /// <summary>The factory method handed to <c>AddPersistentStreams</c>.</summary>
    public static IQueueAdapterFactory Create(IServiceProvider services, string name)
    {
        ArgumentNullException.ThrowIfNull(services);

        var options = services.GetRequiredService<IOptionsMonitor<KafkaStreamOptions>>().Get(name);
        var mapper = services.GetRequiredKeyedService<IKafkaRecordMapper>(name);
        return new KafkaQueueAdapterFactory(
            name,
            options,
            mapper,
            services.GetKeyedService<IKafkaCommitGate>(name),
            services.GetRequiredService<IMeterFactory>(),
            services.GetRequiredService<ILoggerFactory>());
    }

    /// <inheritdoc/>
    public Task<IQueueAdapter> CreateAdapter() =>
        Task.FromResult<IQueueAdapter>(
            new KafkaQueueAdapter(_name, _options, _queueMapper, _mapper, _commitGate, _metrics, _loggerFactory));

    /// <inheritdoc/>
    public IQueueAdapterCache GetQueueAdapterCache() => _cache;

    /// <inheritdoc/>
    public IStreamQueueMapper GetStreamQueueMapper() => _queueMapper;

    /// <inheritdoc/>
    public Task<IStreamFailureHandler> GetDeliveryFailureHandler(QueueId queueId) =>
        Task.FromResult<IStreamFailureHandler>(new NoOpStreamDeliveryFailureHandler());
}
