using Bandit.Gateway.Authorization;
using Microsoft.Extensions.Configuration;

namespace Bandit.Tests.Security;

/// <summary>
/// Configurations that would open the gateway by accident, or lock everyone out, are refused at start.
/// </summary>
public sealed class AuthOptionsValidatorTests
{
    private const string Hash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    [Fact]
    public void Validate_RedisConfiguredModeUnset_FailsNamingTheOption()
    {
        var result = Validator("127.0.0.1:6390").Validate(null, new AuthOptions());

        Assert.True(result.Failed);
        Assert.Contains("Bandit:Auth:Mode is not set while Bandit:Redis:ConnectionString is", result.FailureMessage,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NoRedisModeUnset_PassesAsTheDeveloperDefault()
    {
        var result = Validator("").Validate(null, new AuthOptions());

        Assert.True(result.Succeeded);
    }

    [Fact]
    public void Validate_RedisConfiguredModeNoneExplicitly_Passes()
    {
        var result = Validator("127.0.0.1:6390").Validate(null, new AuthOptions { Mode = AuthMode.None });

        Assert.True(result.Succeeded);
    }

    [Fact]
    public void Validate_RequiredWithoutJwtOrKeys_Fails()
    {
        var result = Validator("").Validate(null, new AuthOptions { Mode = AuthMode.Required });

        Assert.Contains("nobody could call the gateway", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PlainKeyInsteadOfItsHash_FailsWithoutQuotingIt()
    {
        var options = new AuthOptions { Mode = AuthMode.Required };
        var key = new ApiKeyOptions { Name = "ops", Sha256 = "plain-secret-key" };
        key.Permissions.Add(Permissions.Admin);
        options.ApiKeys.Add(key);

        var result = Validator("").Validate(null, options);

        Assert.Contains("Bandit:Auth:ApiKeys:0:Sha256 must be the key's SHA-256", result.FailureMessage,
            StringComparison.Ordinal);
        Assert.DoesNotContain("plain-secret-key", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnknownPermissionOrNone_Fails()
    {
        var options = new AuthOptions { Mode = AuthMode.Required };
        var typo = new ApiKeyOptions { Name = "a", Sha256 = Hash };
        typo.Permissions.Add("event:write");
        options.ApiKeys.Add(typo);
        options.ApiKeys.Add(new ApiKeyOptions { Name = "b", Sha256 = Hash.Replace('9', '8') });

        var result = Validator("").Validate(null, options);

        Assert.Contains("Bandit:Auth:ApiKeys:0:Permissions has 'event:write'", result.FailureMessage,
            StringComparison.Ordinal);
        Assert.Contains("Bandit:Auth:ApiKeys:1:Permissions must name at least one", result.FailureMessage,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ShortSigningKeyOrMissingAudience_FailsWithoutQuotingTheKey()
    {
        var options = new AuthOptions
        {
            Mode = AuthMode.Required,
            Jwt = new JwtOptions { Issuer = "i", SigningKey = "short-signing-key" },
        };

        var result = Validator("").Validate(null, options);

        Assert.Contains("Bandit:Auth:Jwt:SigningKey must be at least 32 bytes", result.FailureMessage,
            StringComparison.Ordinal);
        Assert.Contains("Bandit:Auth:Jwt:Audience is required", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("short-signing-key", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Sha256AsBase64_PassesAndTheKeyMatches()
    {
        var options = new AuthOptions { Mode = AuthMode.Required };
        var key = new ApiKeyOptions
        {
            Name = "ops",
            Sha256 = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData("dev-operator-key"u8)),
        };
        key.Permissions.Add(Permissions.EventsWrite);
        options.ApiKeys.Add(key);

        var result = Validator("").Validate(null, options);
        var found = new ApiKeyStore(Microsoft.Extensions.Options.Options.Create(options)).Find("dev-operator-key");

        Assert.True(result.Succeeded, result.FailureMessage);
        Assert.Equal(("ops", "events:write"), found);
    }

    private static AuthOptionsValidator Validator(string redis) =>
        new(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Bandit:Redis:ConnectionString"] = redis })
            .Build());
}
