using System.Globalization;
using Bandit.Silo;
using Bandit.Tests.Fixtures;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace Bandit.Tests.EndToEnd;

/// <summary>Configurations that would lose events refuse to start, saying what to change.</summary>
[Collection(ServersCollection.Name)]
public sealed class SiloConfigurationTests(RedisServer redis, DevBrokerFixture broker)
{
    [Fact]
    public async Task Start_PartitionCountDiffersFromTheTopic_Refuses()
    {
        var topic = broker.CreateTopic(partitions: 4);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => TestSilo.StartAsync(new TestSiloSettings(
            broker.BootstrapServers, topic, 3, redis.ConnectionString, "config-" + Guid.NewGuid().ToString("N")[..8])));

        Assert.Equal(
            $"Kafka topic '{topic}' has 4 partitions but Bandit:Kafka:Partitions is 3; make them equal",
            error.Message);
    }

    [Theory]
    [InlineData("99")]
    [InlineData("Bogus")]
    public async Task Start_UnknownDefaultPolicy_RefusesNamingTheOption(string policy)
    {
        var settings = new TestSiloSettings(
            broker.BootstrapServers, broker.CreateTopic(partitions: 1), 1, redis.ConnectionString,
            "policy-" + Guid.NewGuid().ToString("N")[..8])
        {
            Overrides = new Dictionary<string, string?> { ["Bandit:Gateway:DefaultPolicy"] = policy },
        };

        var error = await Assert.ThrowsAnyAsync<Exception>(() => TestSilo.StartAsync(settings));

        Assert.Contains("Bandit:Gateway:DefaultPolicy", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_BeforeAnyEvent_ShowEveryCounterAtZero()
    {
        // Arrange: a silo with its own empty topic.
        var topic = broker.CreateTopic(partitions: 2);
        await using var silo = await TestSilo.StartAsync(new TestSiloSettings(
            broker.BootstrapServers, topic, 2, redis.ConnectionString, "metrics-" + Guid.NewGuid().ToString("N")[..8]));
        using var http = new HttpClient { BaseAddress = silo.WebAddress };

        // Act
        var text = await http.GetStringAsync("/metrics");

        // Assert: alerts on these series see 0, not a missing series.
        foreach (var series in new[]
        {
            "bandit_events_applied_total", "bandit_ingest_batch_failures_total",
            "bandit_records_dead_lettered_total", "bandit_storage_write_failures_total{",
        })
        {
            Assert.Contains(series, text, StringComparison.Ordinal);
        }

        // ... and only on the web port: the gRPC port, which faces clients, does not serve operators' pages.
        using var grpcPort = new HttpClient
        {
            BaseAddress = new Uri($"http://{silo.Channel.Target}"),
            DefaultRequestVersion = System.Net.HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        foreach (var path in new[] { "/metrics", "/dashboard/" })
        {
            using var response = await grpcPort.GetAsync(path);
            Assert.Equal((path, System.Net.HttpStatusCode.NotFound), (path, response.StatusCode));
        }
    }

    [Fact]
    public void AddBanditSilo_RedisWithEmbeddedBroker_Refuses()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bandit:Kafka:BootstrapServers"] = "",
            ["Bandit:Redis:ConnectionString"] = redis.ConnectionString,
        });

        var error = Assert.Throws<InvalidOperationException>(() => builder.AddBanditSilo());

        Assert.Contains(
            "set Bandit:Kafka:BootstrapServers to a Kafka cluster",
            error.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void AddBanditSilo_KubernetesWithoutRedis_Refuses()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bandit:Kafka:BootstrapServers"] = broker.BootstrapServers,
            ["Bandit:Redis:ConnectionString"] = "",
            ["Bandit:Cluster:Kubernetes"] = "true",
            ["Bandit:Cluster:SiloPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Bandit:Cluster:GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
        });

        var error = Assert.Throws<InvalidOperationException>(() => builder.AddBanditSilo());

        Assert.Equal(
            "Bandit:Cluster:Kubernetes is on but Bandit:Redis:ConnectionString is not set. "
            + "Silos in Kubernetes cluster through Redis; set it, or set Bandit:Cluster:Kubernetes to false.",
            error.Message);
    }
}
