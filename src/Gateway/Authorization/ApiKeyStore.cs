using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Bandit.Gateway.Authorization;

/// <summary>
/// The configured API keys as SHA-256 digests. A presented key is hashed and compared with every digest in
/// constant time, so neither the comparison nor the position of a match tells an attacker anything.
/// </summary>
internal sealed class ApiKeyStore
{
    private readonly (string Name, byte[] Digest, string Scope)[] _keys;

    public ApiKeyStore(IOptions<AuthOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);

        _keys = [.. options.Value.ApiKeys.Select(k =>
            (k.Name, k.Digest() ?? [], string.Join(' ', k.Permissions)))];
    }

    /// <summary>The holder's name and permissions (space-separated), or null for an unknown key.</summary>
    public (string Name, string Scope)? Find(string presented)
    {
        ArgumentNullException.ThrowIfNull(presented);

        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(presented), digest);
        (string, string)? found = null;
        foreach (var key in _keys)
        {
            // No early exit: every presented key costs the same number of comparisons.
            if (CryptographicOperations.FixedTimeEquals(digest, key.Digest))
            {
                found = (key.Name, key.Scope);
            }
        }

        return found;
    }

    /// <summary>The identity of a key holder: the name as subject, the permissions as scope.</summary>
    public static ClaimsPrincipal Principal(string name, string scope, string scheme) =>
        new(new ClaimsIdentity(
            [new Claim(PermissionHandler.SubjectClaim, name), new Claim(PermissionHandler.ScopeClaim, scope)],
            scheme,
            PermissionHandler.SubjectClaim,
            null));
}
