namespace Bandit.Silo;

/// <summary>Logs, once the host starts, what the silo was configured with: above all, what is not durable.</summary>
internal sealed class StartupNotes(ILogger<StartupNotes> logger, IReadOnlyList<Action<ILogger>> notes) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var note in notes)
        {
            note(logger);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
