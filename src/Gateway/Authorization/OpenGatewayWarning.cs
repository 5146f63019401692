namespace Bandit.Gateway.Authorization;

/// <summary>Says at start, as a warning, that the gateway lets anyone in.</summary>
internal sealed class OpenGatewayWarning(ILogger<OpenGatewayWarning> logger, bool chosenExplicitly) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        GatewayLog.GatewayOpen(logger, chosenExplicitly ? "Bandit:Auth:Mode is None" : "Bandit:Auth:Mode is unset");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
