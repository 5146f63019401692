namespace Bandit.Gateway.Authorization;

/// <summary>Who may call the gateway and the dashboard. Bound from <c>Bandit:Auth</c>.</summary>
public sealed class AuthOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Bandit:Auth";

    /// <summary>Request header that carries an API key.</summary>
    public const string ApiKeyHeader = "x-api-key";

    /// <summary>
    /// <see cref="AuthMode.Required"/> or <see cref="AuthMode.None"/>. Unset means None on a developer's
    /// machine (no Redis configured) and is refused once Redis is configured: a shared deployment must
    /// choose, and choosing None there is explicit.
    /// </summary>
    public AuthMode? Mode { get; set; }

    /// <summary>JWT bearer tokens; optional when API keys are configured.</summary>
    public JwtOptions Jwt { get; set; } = new();

    /// <summary>API keys, sent in the <c>x-api-key</c> header; optional when JWT is configured.</summary>
    public List<ApiKeyOptions> ApiKeys { get; } = [];
}
