using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;

namespace Bandit.Gateway.Authorization;

/// <summary>
/// Refuses an auth configuration that would leave the gateway open by accident or lock everyone out.
/// Failures name the option and never quote a configured secret.
/// </summary>
internal sealed class AuthOptionsValidator(IConfiguration configuration) : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        var failures = new List<string>();
        if (options.Mode is null && !string.IsNullOrWhiteSpace(configuration["Bandit:Redis:ConnectionString"]))
        {
            failures.Add(
                "Bandit:Auth:Mode is not set while Bandit:Redis:ConnectionString is: a shared deployment must "
                + "choose. Set it to Required and configure Bandit:Auth:Jwt or Bandit:Auth:ApiKeys, or set it to "
                + "None to run an open gateway on purpose.");
        }

        if (options.Mode is { } mode && !Enum.IsDefined(mode))
        {
            failures.Add("Bandit:Auth:Mode must be None or Required.");
        }

        if (options.Mode == AuthMode.Required && !options.Jwt.IsConfigured && options.ApiKeys.Count == 0)
        {
            failures.Add(
                "Bandit:Auth:Mode is Required but neither Bandit:Auth:Jwt nor Bandit:Auth:ApiKeys is configured: "
                + "nobody could call the gateway.");
        }

        if (options.Jwt.IsConfigured)
        {
            ValidateJwt(options.Jwt, failures);
        }

        for (var i = 0; i < options.ApiKeys.Count; i++)
        {
            ValidateApiKey(options.ApiKeys[i], $"Bandit:Auth:ApiKeys:{i}", failures);
        }

        var duplicates = options.ApiKeys.Where(k => k.Digest() is not null)
            .GroupBy(k => Convert.ToHexString(k.Digest()!), StringComparer.Ordinal)
            .Where(g => g.Count() > 1);
        if (duplicates.Any())
        {
            failures.Add("Bandit:Auth:ApiKeys lists the same key (Sha256) more than once.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateJwt(JwtOptions jwt, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(jwt.Issuer))
        {
            failures.Add("Bandit:Auth:Jwt:Issuer is required when JWT is configured.");
        }

        if (string.IsNullOrWhiteSpace(jwt.Audience))
        {
            failures.Add("Bandit:Auth:Jwt:Audience is required when JWT is configured.");
        }

        if (Encoding.UTF8.GetByteCount(jwt.SigningKey) < JwtOptions.MinSigningKeyBytes)
        {
            failures.Add(
                $"Bandit:Auth:Jwt:SigningKey must be at least {JwtOptions.MinSigningKeyBytes} bytes "
                + "(e.g. openssl rand -base64 48).");
        }

        if (jwt.ClockSkew < TimeSpan.Zero || jwt.ClockSkew > TimeSpan.FromMinutes(10))
        {
            failures.Add("Bandit:Auth:Jwt:ClockSkew must be between 0 and 10 minutes.");
        }
    }

    private static void ValidateApiKey(ApiKeyOptions key, string path, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(key.Name))
        {
            failures.Add($"{path}:Name is required.");
        }

        if (key.Digest() is null)
        {
            failures.Add(
                $"{path}:Sha256 must be the key's SHA-256 as 64 hex digits (printf %s \"$KEY\" | sha256sum) or "
                + "44 characters of base64, not the key itself.");
        }

        if (key.Permissions.Count == 0)
        {
            failures.Add($"{path}:Permissions must name at least one of {string.Join(", ", Permissions.All)}.");
        }

        foreach (var permission in key.Permissions.Where(p => !Permissions.All.Contains(p)))
        {
            failures.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"{path}:Permissions has '{permission}'; known: {string.Join(", ", Permissions.All)}."));
        }
    }
}
