using Bandit.Contracts;
using Bandit.Gateway;
using Bandit.Tests.Fixtures;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Bandit.Tests.Gateway;

/// <summary>
/// <c>Bandit:Kafka:Client:*</c> carries librdkafka settings such as credentials to the service's Kafka
/// clients: a broker that speaks plaintext is unreachable for a client told to use TLS.
/// </summary>
[Collection(GatewaySiloCollection.Name)]
public sealed class KafkaClientSettingsTests(GatewaySiloFixture fixture)
{
    [Theory]
    [InlineData(null, HealthStatus.Healthy)]
    [InlineData("SSL", HealthStatus.Unhealthy)]
    public async Task KafkaHealthCheck_SecurityProtocolFromConfiguration_ReachesTheClient(
        string? securityProtocol,
        HealthStatus expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bandit:Kafka:BootstrapServers"] = fixture.Broker.BootstrapServers,
            ["Bandit:Kafka:Client:security.protocol"] = securityProtocol,
        }).Build();
        var options = configuration.GetSection(ClickStreamOptions.Section).Get<ClickStreamOptions>()!;
        using var check = new KafkaHealthCheck(Options.Create(options));

        var result = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(expected, result.Status);
    }
}
