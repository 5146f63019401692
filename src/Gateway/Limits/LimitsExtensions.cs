using Grpc.AspNetCore.Server;

namespace Bandit.Gateway.Limits;

/// <summary>Registers the gateway's per-client rate limit and its new-post admission.</summary>
public static class LimitsExtensions
{
    /// <summary>Binds <c>Bandit:Limits</c> and adds both limits to every gRPC service.</summary>
    public static IServiceCollection AddBanditLimits(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<LimitsOptions>().Bind(configuration.GetSection(LimitsOptions.Section))
            .Validate(
                o => o.ClientCallsPerSecond >= 0 && double.IsFinite(o.ClientCallsPerSecond) && o.ClientBurst > 0,
                "Bandit:Limits:ClientCallsPerSecond must be >= 0 (0: off) and Bandit:Limits:ClientBurst positive.")
            .Validate(
                o => o.NewPostsPerSecond >= 0 && double.IsFinite(o.NewPostsPerSecond) && o.NewPostBurst > 0,
                "Bandit:Limits:NewPostsPerSecond must be >= 0 (0: off) and Bandit:Limits:NewPostBurst positive.")
            .Validate(
                o => o.KnownPostCacheSize >= 2,
                "Bandit:Limits:KnownPostCacheSize must be at least 2.")
            .ValidateOnStart();
        services.AddSingleton<ClientRateLimiter>();
        services.AddSingleton<NewPostAdmission>();
        services.AddSingleton<ClientRateLimitInterceptor>();
        services.AddSingleton<NewPostAdmissionInterceptor>();
        services.Configure<GrpcServiceOptions>(o =>
        {
            // In this order: a client over its rate costs no directory lookup.
            o.Interceptors.Add<ClientRateLimitInterceptor>();
            o.Interceptors.Add<NewPostAdmissionInterceptor>();
        });
        return services;
    }
}
