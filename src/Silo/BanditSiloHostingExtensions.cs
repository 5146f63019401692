using System.Net;
using Bandit.Contracts;
using Bandit.DevBroker;
using Bandit.Gateway;
using Bandit.Gateway.Authorization;
using Bandit.Grains;
using Bandit.Grains.Arms;
using Bandit.Grains.Arms.Storage;
using Bandit.Grains.Ingest;
using Bandit.Grains.Ranking;
using Bandit.Streaming.Kafka;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Runtime;
using Orleans.Streams;
using StackExchange.Redis;

namespace Bandit.Silo;

/// <summary>Wires a silo: storage, clustering, the Kafka click stream, the dashboard and the gateway.</summary>
public static class BanditSiloHostingExtensions
{
    /// <summary>Dashboard path on the web endpoint.</summary>
    public const string DashboardPath = "/dashboard";

    /// <summary>Prometheus scrape path on the web endpoint.</summary>
    public const string MetricsPath = "/metrics";

    /// <summary>
    /// Configures the silo from <c>Bandit:*</c>. With no Kafka configured it starts the embedded broker;
    /// with no Redis configured it keeps state in memory and clusters on localhost.
    /// </summary>
    public static WebApplicationBuilder AddBanditSilo(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        var configuration = builder.Configuration;
        var stream = configuration.GetSection(ClickStreamOptions.Section).Get<ClickStreamOptions>() ?? new();
        var settings = configuration.GetSection(BanditSiloSettings.Section).Get<BanditSiloSettings>() ?? new();
        var redis = configuration["Bandit:Redis:ConnectionString"];
        var startupNotes = new List<Action<ILogger>>();
        var kubernetes = KubernetesDetection.IsEnabled(
            settings.Kubernetes,
            Environment.GetEnvironmentVariable);
        // In Kubernetes Orleans listens on every address of the pod and advertises the pod's IP.
        var advertised = kubernetes ? IPAddress.Any : IPAddress.Parse(settings.AdvertisedAddress);
        PortCheck.EnsureFree(advertised, settings.SiloPort, "Bandit:Cluster:SiloPort");
        PortCheck.EnsureFree(advertised, settings.GatewayPort, "Bandit:Cluster:GatewayPort");

        if (kubernetes && string.IsNullOrWhiteSpace(redis))
        {
            // Pods come and go with their IPs; only a shared membership table lets them find each other.
            throw new InvalidOperationException(
                "Bandit:Cluster:Kubernetes is on but Bandit:Redis:ConnectionString is not set. Silos in "
                + "Kubernetes cluster through Redis; set it, or set Bandit:Cluster:Kubernetes to false.");
        }

        if (string.IsNullOrWhiteSpace(stream.BootstrapServers) && !string.IsNullOrWhiteSpace(redis))
        {
            // Arms in Redis remember Kafka offsets; a broker that forgets its topics at every restart would hand
            // out those offsets again, and every new event would be taken for one already applied.
            throw new InvalidOperationException(
                "Bandit:Redis:ConnectionString is set but Bandit:Kafka:BootstrapServers is not. The embedded broker "
                + "loses its topic, and restarts its offsets, with every restart while Redis keeps the arms; set "
                + "Bandit:Kafka:BootstrapServers to a Kafka cluster, or leave Redis unset for an all-in-memory run.");
        }

        if (string.IsNullOrWhiteSpace(stream.BootstrapServers))
        {
            var broker = StartEmbeddedBroker(stream);
            builder.Services.AddSingleton(broker);
            // Everything that binds Bandit:Kafka afterwards (the gateway, the stream) sees the embedded broker.
            configuration[ClickStreamOptions.Section + ":BootstrapServers"] = broker.BootstrapServers;
            stream.BootstrapServers = broker.BootstrapServers;
            startupNotes.Add(log => SiloLog.EmbeddedBroker(log, broker.BootstrapServers));
        }

        builder.Services.AddOptions<ArmOptions>().Bind(configuration.GetSection(ArmOptions.Section))
            .Validate(
                o => o.PriorAlpha > 0 && double.IsFinite(o.PriorAlpha),
                "Bandit:Arms:PriorAlpha must be positive.")
            .Validate(
                o => o.PriorBeta > 0 && double.IsFinite(o.PriorBeta),
                "Bandit:Arms:PriorBeta must be positive.")
            .Validate(
                o => o.HalfLife is null || o.HalfLife > TimeSpan.Zero,
                "Bandit:Arms:HalfLife must be positive when set.")
            .Validate(
                o => o.PopulationPrior.MinArms > 0 && o.PopulationPrior.MinImpressions > 0
                    && o.PopulationPrior.MaxStrength >= 2 && o.PopulationPrior.Refresh > TimeSpan.Zero,
                "Bandit:Arms:PopulationPrior needs MinArms and MinImpressions > 0, MaxStrength >= 2, Refresh > 0.")
            .ValidateOnStart();
        builder.Services.AddOptions<RankingOptions>().Bind(configuration.GetSection(RankingOptions.Section))
            .Validate(
                o => o.ShardCount is > 0 and <= PostSharding.DirectoryBuckets
                    && (o.ShardCount & (o.ShardCount - 1)) == 0,
                $"Bandit:Ranking:ShardCount must be a power of two up to {PostSharding.DirectoryBuckets}.")
            .Validate(o => o.CandidatePoolSize > 0, "Bandit:Ranking:CandidatePoolSize must be positive.")
            .Validate(o => o.NewArmSlots >= 0, "Bandit:Ranking:NewArmSlots must not be negative.")
            .Validate(
                o => o.UpperQuantile is >= 0.5 and <= 0.999999,
                "Bandit:Ranking:UpperQuantile must lie in [0.5, 0.999999].")
            .Validate(
                o => o.ThompsonVarianceScale is > 0.0 and <= 1.0,
                "Bandit:Ranking:ThompsonVarianceScale must lie in (0, 1].")
            .Validate(o => o.Epsilon is >= 0.0 and <= 1.0, "Bandit:Ranking:Epsilon must lie in [0, 1].")
            .ValidateOnStart();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<BanditMetrics>();
        builder.Services.AddSingleton<IDeadLetterSink, KafkaDeadLetterSink>();
        AddLocalSiloHealthChecks(builder.Services);
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            // System.Runtime: the runtime's own meter (GC heap, working set), for memory over time.
            .AddMeter(BanditMetrics.MeterName, "Bandit.Streaming.Kafka", "System.Runtime")
            .AddPrometheusExporter());
        // After the exporter's own start: zeros recorded before it listens would be lost.
        builder.Services.AddHostedService<MetricSeriesStartup>();

        // Registered before the silo, so a wrong topic stops start-up before any partition is read.
        builder.Services.AddOptions<ClickStreamOptions>().Bind(configuration.GetSection(ClickStreamOptions.Section));
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ClickTopicCheck>());
        builder.UseOrleans(silo =>
        {
            // Failure detection and the like can be tuned without code: Orleans:ClusterMembership:ProbeTimeout, ...
            silo.Services.Configure<ClusterMembershipOptions>(configuration.GetSection("Orleans:ClusterMembership"));
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = settings.ClusterId;
                o.ServiceId = settings.ServiceId;
            });

            if (string.IsNullOrWhiteSpace(redis))
            {
                silo.UseLocalhostClustering(settings.SiloPort, settings.GatewayPort);
                silo.AddMemoryGrainStorage(BanditStorage.Name);
                silo.Services.AddSingleton<IArmStore, MemoryArmStore>();
                startupNotes.Add(SiloLog.InMemoryStorage);
            }
            else
            {
                var redisOptions = ConfigurationOptions.Parse(redis);
                if (kubernetes)
                {
                    // Ports only: the Kubernetes hosting fills in the pod's IP and listens on every address.
                    silo.Configure<EndpointOptions>(o =>
                    {
                        o.SiloPort = settings.SiloPort;
                        o.GatewayPort = settings.GatewayPort;
                    });
                    silo.UseKubernetesHosting();
                    startupNotes.Add(log => SiloLog.KubernetesHosting(
                        log,
                        Environment.GetEnvironmentVariable(KubernetesDetection.PodNameVariable) ?? "",
                        Environment.GetEnvironmentVariable(KubernetesDetection.PodNamespaceVariable) ?? ""));
                }
                else
                {
                    silo.ConfigureEndpoints(advertised, settings.SiloPort, settings.GatewayPort);
                }

                silo.UseRedisClustering(o => o.ConfigurationOptions = redisOptions.Clone());
                silo.AddRedisGrainStorage(BanditStorage.Name, o => o.ConfigurationOptions = redisOptions.Clone());
                silo.Services.AddSingleton<IArmStore>(
                    sp => new RedisArmStore(redisOptions.Clone(), sp.GetRequiredService<IOptions<ClusterOptions>>()));
                var endpoints = string.Join(',', redisOptions.EndPoints.Select(e => e.ToString()));
                builder.Services.AddHealthChecks()
                    .AddCheck("redis", new RedisHealthCheck(redis), tags: [HealthEndpoints.ReadyTag]);
                startupNotes.Add(log => SiloLog.RedisStorage(log, endpoints, settings.ClusterId));
            }

            silo.Services.AddKeyedSingleton<IKafkaCommitGate, IngestCommitGate>(ClickStreamNames.Provider);
            silo.AddKafkaStreams<ClickRecordMapper>(
                ClickStreamNames.Provider,
                o =>
                {
                    o.BootstrapServers = stream.BootstrapServers;
                    o.Topic = stream.Topic;
                    o.Partitions = stream.Partitions;
                    o.ConsumerGroup = stream.ConsumerGroup;
                    foreach (var (key, value) in stream.CopyClientSettings())
                    {
                        o.ConsumerConfig[key] = value;
                    }
                },
                s =>
                {
                    s.ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly);
                    s.ConfigurePullingAgent(o => o.Configure(agent =>
                    {
                        // Freshness: the default 100 ms pull period alone would add ~100 ms to every update.
                        agent.GetQueueMsgsTimerPeriod = TimeSpan.FromMilliseconds(10);
                        // An undeliverable batch is retried, never skipped: skipping would lose counted events.
                        agent.MaxEventDeliveryTime = TimeSpan.FromDays(365);
                    }));
                });
            silo.AddDashboard();
            startupNotes.Add(log => SiloLog.ClickStream(log, stream.BootstrapServers, stream.Topic, stream.Partitions));
        });

        builder.Services.AddBanditGateway(configuration);
        builder.Services.AddHostedService(
            sp => new StartupNotes(sp.GetRequiredService<ILogger<StartupNotes>>(), startupNotes));
        return builder;
    }

    /// <summary>Maps the gateway and the dashboard.</summary>
    public static WebApplication MapBanditSilo(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        app.MapBanditGateway();
        var dashboard = app.MapOrleansDashboard(routePrefix: DashboardPath).RequirePermission(app, Permissions.Admin);
        var metrics = app.MapPrometheusScrapingEndpoint(MetricsPath);

        // Operators' pages answer only on the web port, which stays inside the cluster; the gRPC port faces clients.
        if (WebPort(app.Configuration) is { } port)
        {
            dashboard.RequireHost($"*:{port}");
            metrics.RequireHost($"*:{port}");
        }

        return app;
    }

    private static int? WebPort(IConfiguration configuration) =>
        Uri.TryCreate(configuration["Kestrel:Endpoints:Web:Url"], UriKind.Absolute, out var url) && url.Port > 0
            ? url.Port
            : null;

    // This silo's own membership status: Active for readiness, anything but Dead for liveness.
    private static void AddLocalSiloHealthChecks(IServiceCollection services)
    {
        services.AddHealthChecks()
            .Add(new HealthCheckRegistration(
                "silo",
                sp => CreateLocalSiloCheck(sp, requireActive: true),
                failureStatus: null,
                tags: [HealthEndpoints.ReadyTag]))
            .Add(new HealthCheckRegistration(
                "silo-alive",
                sp => CreateLocalSiloCheck(sp, requireActive: false),
                failureStatus: null,
                tags: [HealthEndpoints.LiveTag]));
    }

    private static LocalSiloHealthCheck CreateLocalSiloCheck(IServiceProvider services, bool requireActive) =>
        new(
            services.GetRequiredService<ILocalSiloDetails>(),
            services.GetRequiredService<IClusterMembershipService>(),
            requireActive);

    private static MockKafkaCluster StartEmbeddedBroker(ClickStreamOptions stream)
    {
        var options = new MockKafkaClusterOptions { Port = stream.EmbeddedBrokerPort };
        options.Topics.Add(new MockTopic(stream.Topic, stream.Partitions));
        options.Topics.Add(new MockTopic(stream.EffectiveDeadLetterTopic, 1));
        try
        {
            return MockKafkaCluster.Start(options);
        }
        catch (System.Net.Sockets.SocketException ex)
            when (ex.SocketErrorCode == System.Net.Sockets.SocketError.AddressAlreadyInUse)
        {
            throw new InvalidOperationException(
                $"port {stream.EmbeddedBrokerPort} (Bandit:Kafka:EmbeddedBrokerPort) is already in use, perhaps by "
                + "another broker; choose another, or set Bandit:Kafka:BootstrapServers to use that broker", ex);
        }
    }
}
