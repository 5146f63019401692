namespace Bandit.Tests.Fixtures;

/// <summary>Tests that talk to one shared running silo through its gateway.</summary>
[CollectionDefinition(Name)]
public sealed class GatewaySiloCollection : ICollectionFixture<GatewaySiloFixture>
{
    public const string Name = "gateway silo";
}
