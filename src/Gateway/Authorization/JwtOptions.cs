namespace Bandit.Gateway.Authorization;

/// <summary>
/// JWT bearer tokens the gateway accepts: signed with HMAC-SHA256 by a key both sides share. The token carries
/// its permissions in the <c>scope</c> claim (space-separated) or as <c>permissions</c> claims.
/// </summary>
public sealed class JwtOptions
{
    /// <summary>Shortest signing key accepted, in UTF-8 bytes: HS256 needs 256 bits.</summary>
    public const int MinSigningKeyBytes = 32;

    /// <summary>Default clock skew tolerated on <c>exp</c> and <c>nbf</c>.</summary>
    public static readonly TimeSpan DefaultClockSkew = TimeSpan.FromSeconds(30);

    /// <summary>Required <c>iss</c> claim.</summary>
    public string Issuer { get; set; } = "";

    /// <summary>Required <c>aud</c> claim.</summary>
    public string Audience { get; set; } = "";

    /// <summary>The shared signing key as text (its UTF-8 bytes are the key); at least 32 bytes.</summary>
    public string SigningKey { get; set; } = "";

    /// <summary>Clock skew tolerated on the token's lifetime.</summary>
    public TimeSpan ClockSkew { get; set; } = DefaultClockSkew;

    /// <summary>True when any JWT setting is given; then all three must be.</summary>
    public bool IsConfigured =>
        Issuer.Length > 0 || Audience.Length > 0 || SigningKey.Length > 0;
}
