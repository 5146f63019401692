namespace Bandit.Gateway.Authorization;

/// <summary>One API key the gateway accepts. The key itself is never configured: only its SHA-256.</summary>
public sealed class ApiKeyOptions
{
    /// <summary>Who holds the key; the caller's identity in logs and in per-client rate limits.</summary>
    public string Name { get; set; } = "";

    /// <summary>
    /// SHA-256 of the key's UTF-8 bytes, 64 hex digits (<c>printf %s "$KEY" | sha256sum</c>).
    /// </summary>
    public string Sha256 { get; set; } = "";

    /// <summary>What the key may do: any of <see cref="Authorization.Permissions.All"/>.</summary>
    public List<string> Permissions { get; } = [];
}
