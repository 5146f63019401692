namespace Bandit.Tests.Fixtures;

/// <summary>Tests that run silos against one Redis server and one broker; they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class ServersCollection : ICollectionFixture<RedisServer>, ICollectionFixture<DevBrokerFixture>
{
    public const string Name = "servers";
}
