using Bandit.Gateway.Admin;
using Bandit.Gateway.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bandit.Gateway.Live;

/// <summary>Registers the live view, the HTTP/JSON face of the API and the admin service.</summary>
public static class LiveServiceCollectionExtensions
{
    /// <summary>Largest admin request: 10,000 imported arms fit with room to spare.</summary>
    public const int MaxAdminMessageSize = 4 * 1024 * 1024;

    /// <summary>
    /// Adds JSON transcoding of every gRPC service, WatchTopK's watcher and the exploration meter, with
    /// <see cref="LiveViewOptions"/> validated at start.
    /// </summary>
    public static IServiceCollection AddBanditLive(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<LiveViewOptions>().Bind(configuration.GetSection(LiveViewOptions.Section))
            .Validate(
                o => o.Interval >= TimeSpan.FromMilliseconds(50) && o.Interval <= TimeSpan.FromSeconds(10),
                "Bandit:Gateway:Live:Interval must lie between 00:00:00.050 and 00:00:10.")
            .Validate(o => o.MaxK is >= 1 and <= 1000, "Bandit:Gateway:Live:MaxK must lie between 1 and 1000.")
            .Validate(
                o => o.ExplorationWindow >= TimeSpan.FromSeconds(1) && o.ExplorationWindow <= TimeSpan.FromHours(1),
                "Bandit:Gateway:Live:ExplorationWindow must lie between 00:00:01 and 01:00:00.")
            .ValidateOnStart();
        services.AddGrpc()
            .AddJsonTranscoding()
            .AddServiceOptions<FeedAdminService>(o => o.MaxReceiveMessageSize = MaxAdminMessageSize);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ExplorationMeter>();
        services.AddSingleton<TopKWatcher>();
        services.AddSingleton<LiveViews>();
        return services;
    }

    /// <summary>Maps the admin service and the live page; the other routes come with the gRPC services.</summary>
    public static IEndpointRouteBuilder MapBanditLiveAndAdmin(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGrpcService<FeedAdminService>().RequireMethodPermissions(endpoints);
        endpoints.MapBanditLive();
        return endpoints;
    }
}
