namespace Bandit.Gateway.Authorization;

/// <summary>Says at start how callers authenticate; names no key.</summary>
internal sealed class AuthRequiredNote(ILogger<AuthRequiredNote> logger, AuthOptions options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        GatewayLog.AuthRequired(logger, options.Jwt.IsConfigured, options.ApiKeys.Count);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
