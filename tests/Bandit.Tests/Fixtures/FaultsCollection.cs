namespace Bandit.Tests.Fixtures;

/// <summary>
/// Fault tests with real silo processes, one after another and after every parallel collection: several
/// silos, Redis and the broker leave two CI cores no room for other heavy tests, and the silos detect
/// failures on one-second probes. The broker lives in the test process, so it survives any silo's death.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FaultsCollection : ICollectionFixture<RedisServer>, ICollectionFixture<DevBrokerFixture>
{
    public const string Name = "faults";
}
