using Bandit.Contracts.Gateway.V1;
using Bandit.Tests.Fixtures;
using Grpc.Core;

namespace Bandit.Tests.Security;

/// <summary>No secret reaches a log line, whatever happened: start-up, traffic, refused credentials.</summary>
[Collection(SecuredSiloCollection.Name)]
public sealed class SecretsInLogsTests(SecuredSiloFixture fixture)
{
    [Fact]
    public async Task Logs_FullScenarioWithKnownSecrets_HoldNoSecret()
    {
        var client = fixture.Client;
        var key = fixture.Key("scenario");
        var postId = "scenario-" + Guid.NewGuid().ToString("N");
        await client.RegisterPostAsync(
            new RegisterPostRequest { PostId = postId, Beta = new BetaPrior { Alpha = 1, Beta = 19 } },
            key);
        for (var i = 0; i < 5; i++)
        {
            await client.RecordImpressionAsync(new RecordEventRequest { PostId = postId }, key);
        }

        await client.RecordClickAsync(new RecordEventRequest { PostId = postId }, key);
        // Applied through the stream into Redis, which requires its password.
        await Eventually.ReturnsAsync(
            async () => (await client.GetArmAsync(new GetArmRequest { PostId = postId }, key)).Impressions,
            impressions => impressions == 5,
            TimeSpan.FromSeconds(30),
            "the impressions applied");
        await client.GetTopKAsync(
            new GetTopKRequest { K = 5 },
            SecuredSiloFixture.Bearer(fixture.Jwt("scenario-jwt", "rankings:read")));
        var wrongKey = "wrong-key-" + Guid.NewGuid().ToString("N");
        fixture.Secrets.Add(wrongKey);
        var refusals = new[]
        {
            SecuredSiloFixture.ApiKeyHeader(wrongKey),
            SecuredSiloFixture.Bearer(fixture.Jwt("forger", "admin", signingKey: "forged-" + new string('f', 40))),
            SecuredSiloFixture.Bearer(fixture.Jwt("late", "admin", expiresIn: TimeSpan.FromMinutes(-5))),
        };
        foreach (var headers in refusals)
        {
            await Assert.ThrowsAsync<RpcException>(async () =>
                await client.RegisterPostAsync(
                    new RegisterPostRequest { PostId = postId, Beta = new BetaPrior { Alpha = 1, Beta = 1 } },
                    headers));
        }

        var entries = fixture.Logs.Entries.ToArray();
        var leaks = entries
            .SelectMany(entry => fixture.Secrets
                .Where(secret => entry.Contains(secret, StringComparison.OrdinalIgnoreCase))
                .Select(secret => $"{secret[..6]}... in: {entry[..Math.Min(300, entry.Length)]}"))
            .ToArray();

        // The capture works: start-up, the ingest and the refusals were all logged.
        Assert.True(entries.Length > 100, $"only {entries.Length} log entries captured");
        Assert.Contains(entries, e => e.Contains("[3102]", StringComparison.Ordinal));
        Assert.True(entries.Count(e => e.Contains("[3103]", StringComparison.Ordinal)
            && e.Contains("RegisterPost", StringComparison.Ordinal)) >= 3, "the refusals were not logged");
        Assert.Empty(leaks);
    }
}
