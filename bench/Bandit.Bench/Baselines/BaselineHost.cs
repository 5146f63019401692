using Bandit.Bench.Baselines.InMemory;
using Bandit.Bench.Baselines.Redis;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using StackExchange.Redis;

namespace Bandit.Bench.Baselines;

/// <summary>Runs a baseline: its ingest loop and a gRPC endpoint (h2c on 127.0.0.1) until SIGTERM.</summary>
internal static class BaselineHost
{
    public static async Task RunInMemoryAsync(BaselineSettings settings)
    {
        var app = Build(settings, services =>
        {
            services.AddSingleton<InMemoryArms>();
            services.AddHostedService<InMemoryIngest>();
        });
        app.MapGrpcService<InMemoryFeedRanking>();
        await app.RunAsync();
    }

    public static async Task RunRedisAsync(BaselineSettings settings)
    {
        ArgumentException.ThrowIfNullOrEmpty(settings.RedisEndpoint, "--redis");

        var redis = await ConnectionMultiplexer.ConnectAsync(settings.RedisEndpoint);
        var app = Build(settings, services =>
        {
            services.AddSingleton<IConnectionMultiplexer>(redis);
            services.AddSingleton<RedisArms>();
            services.AddHostedService<RedisIngest>();
        });
        app.MapGrpcService<RedisFeedRanking>();
        await app.RunAsync();
        await redis.DisposeAsync();
    }

    private static WebApplication Build(BaselineSettings settings, Action<IServiceCollection> addIngest)
    {
        var builder = WebApplication.CreateSlimBuilder();

        // Settings come from the command line only: an appsettings.json that a build copied next to the bench
        // (the silo's, with its fixed ports) must not reach Kestrel.
        builder.Configuration.Sources.Clear();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(
            System.Net.IPAddress.Loopback,
            settings.GrpcPort,
            listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(new AppliedOffsets(settings.Partitions));
        addIngest(builder.Services);
        return builder.Build();
    }
}
