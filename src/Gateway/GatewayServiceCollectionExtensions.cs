using Bandit.Contracts;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Bandit.Gateway.Authorization;
using Bandit.Gateway.Limits;
using Bandit.Gateway.Live;
using Bandit.Gateway.Services;

namespace Bandit.Gateway;

/// <summary>Registers the gateway in any ASP.NET host that can reach the grains: a silo or a cluster client.</summary>
public static class GatewayServiceCollectionExtensions
{
    /// <summary>Adds the gRPC services, health checks, reflection and the Kafka publisher.</summary>
    public static IServiceCollection AddBanditGateway(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<ClickStreamOptions>().Bind(configuration.GetSection(ClickStreamOptions.Section))
            .Validate(
                o => !string.IsNullOrWhiteSpace(o.BootstrapServers),
                "Bandit:Kafka:BootstrapServers is required: the gateway writes events to that Kafka.")
            .Validate(o => o.Partitions > 0, "Bandit:Kafka:Partitions must be positive.")
            .ValidateOnStart();
        services.AddOptions<GatewayOptions>().Bind(configuration.GetSection(GatewayOptions.Section))
            .Validate(
                o => Enum.IsDefined(o.DefaultPolicy),
                "Bandit:Gateway:DefaultPolicy must be one of "
                    + string.Join(", ", Enum.GetNames<Grains.RankingPolicy>()))
            .ValidateOnStart();
        services.AddGrpc(o => o.MaxReceiveMessageSize = 64 * 1024);
        services.AddGrpcReflection();
        // Answer health from a fresh check, not from a cache the publisher fills only every few seconds.
        services.AddGrpcHealthChecks(o =>
            {
                o.UseHealthChecksCache = false;
                // The service's own name answers too, as gRPC health clients commonly ask for it.
                o.Services.Map(Contracts.Gateway.V1.FeedRanking.Descriptor.FullName, _ => true);
            })
            .AddCheck<ClusterHealthCheck>("cluster", tags: [HealthEndpoints.ReadyTag])
            .AddCheck<KafkaHealthCheck>("kafka", tags: [HealthEndpoints.ReadyTag]);
        services.AddSingleton<ClickEventPublisher>();
        services.AddSingleton<ServedRankingLog>();
        // A silo registers the check earlier, before Orleans starts; TryAddEnumerable keeps just that one.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ClickTopicCheck>());
        services.AddSingleton(TimeProvider.System);
        services.AddBanditAccess(configuration);
        services.AddBanditLimits(configuration);
        services.AddBanditLive(configuration);
        return services;
    }

    /// <summary>Maps the gateway's endpoints: gRPC services and the HTTP health endpoints.</summary>
    public static IEndpointRouteBuilder MapBanditGateway(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGrpcService<FeedRankingService>().RequireMethodPermissions(endpoints);
        endpoints.MapGrpcHealthChecksService();
        endpoints.MapGrpcReflectionService().RequireCaller(endpoints);
        endpoints.MapBanditHealth();
        endpoints.MapBanditLiveAndAdmin();
        return endpoints;
    }
}
