namespace Bandit.Gateway.Authorization;

/// <summary>One API key the gateway accepts. The key itself is never configured: only its SHA-256.</summary>
public sealed class ApiKeyOptions
{
    /// <summary>Who holds the key; the caller's identity in logs and in per-client rate limits.</summary>
    public string Name { get; set; } = "";

    /// <summary>
    /// SHA-256 of the key's UTF-8 bytes: 64 hex digits (<c>printf %s "$KEY" | sha256sum</c>) or 44 characters of
    /// base64 (<c>printf %s "$KEY" | openssl dgst -sha256 -binary | base64</c>).
    /// </summary>
    public string Sha256 { get; set; } = "";

    /// <summary>The digest's bytes; null when <see cref="Sha256"/> is neither form.</summary>
    public byte[]? Digest()
    {
        if (Sha256.Length == 64 && Sha256.All(char.IsAsciiHexDigit))
        {
            return Convert.FromHexString(Sha256);
        }

        var bytes = new byte[33];
        return Sha256.Length == 44 && Convert.TryFromBase64String(Sha256, bytes, out var written) && written == 32
            ? bytes[..32]
            : null;
    }

    /// <summary>What the key may do: any of <see cref="Authorization.Permissions.All"/>.</summary>
    public List<string> Permissions { get; } = [];
}
