namespace Bandit.Tests.Fixtures;

/// <summary>Tests against one silo with TLS, authentication and rate limits on.</summary>
[CollectionDefinition(Name)]
public sealed class SecuredSiloCollection : ICollectionFixture<SecuredSiloFixture>
{
    public const string Name = "secured silo";
}
