namespace Bandit.Tests.Fixtures;

/// <summary>Tests that share the in-memory grain cluster.</summary>
[CollectionDefinition(Name)]
public sealed class GrainClusterCollection : ICollectionFixture<GrainClusterFixture>
{
    public const string Name = "grain cluster";
}
