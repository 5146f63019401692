namespace Bandit.Bench.Baselines.InMemory;

/// <summary>Applies the click topic to the in-memory arms on a thread of its own.</summary>
internal sealed class InMemoryIngest(BaselineSettings settings, InMemoryArms arms, AppliedOffsets applied)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.Factory.StartNew(() => Run(stoppingToken), TaskCreationOptions.LongRunning);

    private void Run(CancellationToken stoppingToken)
    {
        using var reader = new TopicReader(settings);
        var batch = new List<ClickRecord>();
        while (reader.Next(batch, stoppingToken))
        {
            arms.Apply(batch);
            foreach (var record in batch)
            {
                applied.Advance(record.Partition, record.Offset);
            }
        }
    }
}
