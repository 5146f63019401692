using System.Threading.Channels;

namespace Bandit.Bench.Baselines.Redis;

/// <summary>
/// Applies the click topic to Redis with several batches in flight: one loop sends, another waits for each
/// batch in order and only then marks its offsets applied.
/// </summary>
internal sealed class RedisIngest(BaselineSettings settings, RedisArms arms, AppliedOffsets applied)
    : BackgroundService
{
    private const int BatchesInFlight = 8;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await arms.LoadAsync();
        var sent = Channel.CreateBounded<(Task Done, Dictionary<int, long> Last)>(BatchesInFlight);
        var sender = Task.Factory.StartNew(
            () => Send(sent.Writer, stoppingToken),
            TaskCreationOptions.LongRunning);

        await foreach (var (done, last) in sent.Reader.ReadAllAsync(CancellationToken.None))
        {
            await done;
            foreach (var (partition, offset) in last)
            {
                applied.Advance(partition, offset);
            }
        }

        await sender;
    }

    private void Send(ChannelWriter<(Task, Dictionary<int, long>)> sent, CancellationToken stoppingToken)
    {
        try
        {
            using var reader = new TopicReader(settings);
            var batch = new List<ClickRecord>();
            while (reader.Next(batch, stoppingToken))
            {
                var last = new Dictionary<int, long>();
                foreach (var record in batch)
                {
                    last[record.Partition] = record.Offset;
                }

                var done = arms.ApplyAsync(batch);
                if (!sent.WriteAsync((done, last), stoppingToken).AsTask().Wait(Timeout.Infinite, stoppingToken))
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
        finally
        {
            sent.Complete();
        }
    }
}
