using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Bandit.Gateway.Authorization;

/// <summary>Authenticates a request by the API key in its <c>x-api-key</c> header.</summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyStore keys) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>The scheme's name.</summary>
    public const string SchemeName = "ApiKey";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(AuthOptions.ApiKeyHeader, out var values) || values.Count == 0)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (values.Count > 1 || keys.Find(values[0] ?? "") is not { } holder)
        {
            // The key is not quoted anywhere: a mistyped key is one character away from a real one.
            return Task.FromResult(AuthenticateResult.Fail("the API key is not known"));
        }

        var principal = ApiKeyStore.Principal(holder.Name, holder.Scope, SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }
}
