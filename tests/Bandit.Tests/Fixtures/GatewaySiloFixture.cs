namespace Bandit.Tests.Fixtures;

/// <summary>A running silo with its gateway, its own Redis and broker, shared by the gateway tests.</summary>
public sealed class GatewaySiloFixture : IAsyncLifetime
{
    public const int Partitions = 4;

    private readonly RedisServer _redis = new();

    public DevBrokerFixture Broker { get; } = new();

    public string Topic { get; private set; } = "";

    /// <summary>Where the gateway logs served rankings.</summary>
    public string ServedTopic { get; private set; } = "";

    public TestSilo Silo { get; private set; } = null!;

    /// <summary>The fixture's Redis, for a second silo (with its own ServiceId) beside the first.</summary>
    public string RedisConnectionString => _redis.ConnectionString;

    public async Task InitializeAsync()
    {
        await _redis.InitializeAsync();
        Topic = Broker.CreateTopic(Partitions);
        ServedTopic = Broker.CreateTopic(1);
        Silo = await TestSilo.StartAsync(new TestSiloSettings(
            Broker.BootstrapServers, Topic, Partitions, _redis.ConnectionString, "gateway-tests", ServedTopic));
    }

    public async Task DisposeAsync()
    {
        await Silo.DisposeAsync();
        Broker.Dispose();
        await _redis.DisposeAsync();
    }
}
