using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Bandit.Contracts.Gateway.V1;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Bandit.Tests.Fixtures;

/// <summary>
/// A silo locked down as in production: gRPC over TLS with a self-signed certificate, JWT and API keys
/// required, a Redis that requires a password, a tight per-client rate limit; every log entry captured.
/// The secrets are known values, so tests can look for them in the logs.
/// </summary>
public sealed class SecuredSiloFixture : IAsyncLifetime
{
    public const string Issuer = "bandit-tests";
    public const string Audience = "bandit-gateway";

    /// <summary>Calls any one client may make at once; the rate limit test spends them.</summary>
    public const int ClientBurst = 40;

    private readonly string _run = Guid.NewGuid().ToString("N")[..12];
    private RedisServer _redis = null!;
    private GrpcChannel _channel = null!;

    public DevBrokerFixture Broker { get; } = new();

    public SelfSignedCertificate Certificate { get; } = new();

    public InMemoryLogSink Logs { get; } = new();

    public TestSilo Silo { get; private set; } = null!;

    /// <summary>The gRPC client over TLS; credentials go in each call's headers.</summary>
    public FeedRanking.FeedRankingClient Client { get; private set; } = null!;

    public GrpcChannel Channel => _channel;

    public string RedisPassword => "redis-secret-" + _run;

    public string SigningKey => "jwt-signing-key-" + _run + "-0123456789abcdefghijklmnop";

    public string KafkaPassword => "kafka-secret-" + _run;

    /// <summary>API keys by name; each name's permissions are in <see cref="KeyPermissions"/>.</summary>
    public IReadOnlyDictionary<string, string> ApiKeys { get; private set; } = null!;

    public static IReadOnlyDictionary<string, string[]> KeyPermissions { get; } = new Dictionary<string, string[]>
    {
        ["writer"] = ["events:write"],
        ["reader"] = ["rankings:read"],
        ["admin"] = ["admin"],
        ["limited"] = ["rankings:read"],
        ["scenario"] = ["events:write", "rankings:read", "admin"],
    };

    /// <summary>Every secret value this fixture configured or sent.</summary>
    public List<string> Secrets { get; } = [];

    public async Task InitializeAsync()
    {
        _redis = new RedisServer(RedisPassword);
        await _redis.InitializeAsync();
        ApiKeys = KeyPermissions.Keys.ToDictionary(name => name, name => $"key-{name}-{_run}");
        Secrets.AddRange([RedisPassword, SigningKey, KafkaPassword, .. ApiKeys.Values]);
        Secrets.AddRange(ApiKeys.Values.Select(Sha256));

        var topic = Broker.CreateTopic(2);
        var overrides = new Dictionary<string, string?>
        {
            ["Kestrel:Endpoints:Grpc:Certificate:Path"] = Certificate.CertificatePath,
            ["Kestrel:Endpoints:Grpc:Certificate:KeyPath"] = Certificate.KeyPath,
            ["Bandit:Auth:Mode"] = "Required",
            ["Bandit:Auth:Jwt:Issuer"] = Issuer,
            ["Bandit:Auth:Jwt:Audience"] = Audience,
            ["Bandit:Auth:Jwt:SigningKey"] = SigningKey,
            ["Bandit:Limits:ClientCallsPerSecond"] = "0.5",
            ["Bandit:Limits:ClientBurst"] = ClientBurst.ToString(CultureInfo.InvariantCulture),
            // Passed to every Kafka client; the dev broker asks for no SASL, so it goes unused but configured.
            ["Bandit:Kafka:Client:sasl.username"] = "bandit",
            ["Bandit:Kafka:Client:sasl.password"] = KafkaPassword,
            // Everything at Debug into the sink; the console stays quiet.
            ["Logging:LogLevel:Default"] = "Debug",
            ["Logging:LogLevel:Orleans"] = "Debug",
            ["Logging:LogLevel:Microsoft"] = "Debug",
            ["Logging:Console:LogLevel:Default"] = "Error",
            ["Logging:Console:LogLevel:Orleans"] = "None",
        };
        var index = 0;
        foreach (var (name, permissions) in KeyPermissions)
        {
            overrides[$"Bandit:Auth:ApiKeys:{index}:Name"] = name;
            overrides[$"Bandit:Auth:ApiKeys:{index}:Sha256"] = Sha256(ApiKeys[name]);
            for (var p = 0; p < permissions.Length; p++)
            {
                overrides[$"Bandit:Auth:ApiKeys:{index}:Permissions:{p}"] = permissions[p];
            }

            index++;
        }

        Silo = await TestSilo.StartAsync(
            new TestSiloSettings(Broker.BootstrapServers, topic, 2, _redis.ConnectionString, "secured-" + _run)
            {
                GrpcScheme = "https",
                Overrides = overrides,
                LogSink = Logs,
            });
        _channel = GrpcChannel.ForAddress(
            $"https://127.0.0.1:{Silo.GrpcPort}",
            new GrpcChannelOptions { HttpHandler = Certificate.TrustingHandler() });
        Client = new FeedRanking.FeedRankingClient(_channel);
    }

    public static Metadata ApiKeyHeader(string key) => new() { { "x-api-key", key } };

    public Metadata Key(string name) => ApiKeyHeader(ApiKeys[name]);

    public static Metadata Bearer(string token) => new() { { "authorization", "Bearer " + token } };

    /// <summary>A JWT as a real issuer would make one; every part can be spoiled for a test.</summary>
    public string Jwt(
        string subject,
        string scope,
        TimeSpan? expiresIn = null,
        string? signingKey = null,
        string audience = Audience,
        object? permissions = null)
    {
        var now = DateTime.UtcNow;
        var expires = now + (expiresIn ?? TimeSpan.FromMinutes(5));
        var claims = new Dictionary<string, object> { ["sub"] = subject };
        if (scope.Length > 0)
        {
            claims["scope"] = scope;
        }

        if (permissions is not null)
        {
            claims["permissions"] = permissions;
        }

        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            IssuedAt = expires.AddMinutes(-10),
            NotBefore = expires.AddMinutes(-10),
            Expires = expires,
            Claims = claims,
            SigningCredentials = new SigningCredentials(
                new SymmetricSecurityKey(Encoding.UTF8.GetBytes(signingKey ?? SigningKey)),
                SecurityAlgorithms.HmacSha256),
        });
        Secrets.Add(token);
        return token;
    }

    public async Task DisposeAsync()
    {
        _channel?.Dispose();
        if (Silo is not null)
        {
            await Silo.DisposeAsync();
        }

        Broker.Dispose();
        await _redis.DisposeAsync();
        Certificate.Dispose();
    }

    private static string Sha256(string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
