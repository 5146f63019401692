using Bandit.Contracts.Gateway.V1;
using Bandit.Silo;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.DependencyInjection;

namespace Bandit.Tests.Fixtures;

/// <summary>
/// The real silo host (storage, clustering, Kafka stream, gateway) started in-process on free ports,
/// with a real gRPC client over a socket.
/// </summary>
public sealed class TestSilo : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestSilo(WebApplication app, string grpcScheme, int grpcPort, int webPort)
    {
        _app = app;
        GrpcPort = grpcPort;
        WebAddress = new Uri($"http://127.0.0.1:{webPort}");
        Channel = GrpcChannel.ForAddress($"{grpcScheme}://127.0.0.1:{grpcPort}");
        Client = new FeedRanking.FeedRankingClient(Channel);
    }

    public GrpcChannel Channel { get; }

    /// <summary>The gRPC endpoint's port, for a client of one's own (TLS, credentials).</summary>
    public int GrpcPort { get; }

    /// <summary>The HTTP/1.1 endpoint: dashboard and metrics.</summary>
    public Uri WebAddress { get; }

    public FeedRanking.FeedRankingClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<TestSilo> StartAsync(TestSiloSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);

        var grpcPort = FreePort.Next();
        var webPort = FreePort.Next();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Test",
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Orleans"] = "Error",
            ["Kestrel:Endpoints:Grpc:Url"] = $"{settings.GrpcScheme}://127.0.0.1:{grpcPort}",
            ["Kestrel:Endpoints:Grpc:Protocols"] = "Http2",
            ["Kestrel:Endpoints:Web:Url"] = $"http://127.0.0.1:{webPort}",
            ["Bandit:Kafka:BootstrapServers"] = settings.BootstrapServers,
            ["Bandit:Kafka:Topic"] = settings.Topic,
            ["Bandit:Kafka:Partitions"] = settings.Partitions.ToString(),
            ["Bandit:Kafka:ConsumerGroup"] = settings.ServiceId,
            ["Bandit:Redis:ConnectionString"] = settings.RedisConnectionString,
            ["Bandit:Cluster:ServiceId"] = settings.ServiceId,
            ["Bandit:Gateway:ServedRankingTopic"] = settings.ServedRankingTopic,
            ["Bandit:Cluster:ClusterId"] = settings.ServiceId,
            ["Bandit:Cluster:SiloPort"] = FreePort.Next().ToString(),
            ["Bandit:Cluster:GatewayPort"] = FreePort.Next().ToString(),
            // The tests' clients send no credentials unless a test configures auth.
            ["Bandit:Auth:Mode"] = "None",
        });
        builder.Configuration.AddInMemoryCollection(settings.Overrides);
        if (settings.LogSink is { } sink)
        {
            builder.Logging.AddProvider(sink);
        }

        builder.AddBanditSilo();
        builder.Services.AddSingleton<System.Diagnostics.Metrics.IMeterFactory, HostScopedMeterFactory>();
        var app = builder.Build();
        app.MapBanditSilo();
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return new TestSilo(app, settings.GrpcScheme, grpcPort, webPort);
    }

    /// <summary>Stops the silo gracefully, as on SIGTERM.</summary>
    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
