using Bandit.Contracts.Gateway.V1;
using Grpc.Core;

namespace Bandit.ClickLogs;

/// <summary>Waits, through the gateway, until the service has applied given offsets of every partition.</summary>
public static class IngestWaiter
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Polls GetIngestProgress until each partition's applied offset reaches its target.
    /// Throws <see cref="TimeoutException"/> naming the partitions still behind.
    /// </summary>
    public static async Task WaitAsync(
        FeedRanking.FeedRankingClient client,
        IReadOnlyDictionary<int, long> targets,
        TimeSpan timeout,
        Action<long>? onRemaining = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(targets);

        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            Dictionary<int, long> applied;
            try
            {
                var progress = await client.GetIngestProgressAsync(
                    new GetIngestProgressRequest(),
                    deadline: DateTime.UtcNow.AddSeconds(10),
                    cancellationToken: cancellationToken);
                applied = progress.Partitions.ToDictionary(p => p.Partition, p => p.AppliedOffset);
            }
            catch (RpcException ex) when (ex.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded
                && DateTime.UtcNow < deadline)
            {
                // A silo restarting is no reason to give up on events the broker already holds.
                await Task.Delay(PollInterval, cancellationToken);
                continue;
            }

            var behind = targets
                .Where(t => applied.GetValueOrDefault(t.Key, -1) < t.Value)
                .Select(t => (Partition: t.Key, Remaining: t.Value - applied.GetValueOrDefault(t.Key, -1)))
                .ToList();
            onRemaining?.Invoke(behind.Sum(b => b.Remaining));
            if (behind.Count == 0)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException(
                    $"not applied after {timeout.TotalSeconds:0}s: "
                    + string.Join(", ", behind.Select(b => $"partition {b.Partition} ({b.Remaining} records behind)")));
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }
}
