using Confluent.Kafka;

namespace Bandit.ClickLogs;

/// <summary>Counts delivery reports, which librdkafka raises on its own thread.</summary>
internal sealed class DeliveryTally
{
    private readonly Lock _lock = new();
    private readonly Dictionary<int, long> _lastOffsets = [];
    private long _acknowledged;
    private long _failed;

    public void Record(DeliveryReport<string, byte[]> report)
    {
        lock (_lock)
        {
            if (report.Error.IsError)
            {
                _failed++;
                return;
            }

            _acknowledged++;
            var partition = report.Partition.Value;
            _lastOffsets[partition] = Math.Max(_lastOffsets.GetValueOrDefault(partition, -1), report.Offset.Value);
        }
    }

    public PublishProgress Snapshot(long rows, long produced)
    {
        lock (_lock)
        {
            return new PublishProgress(rows, produced, _acknowledged, _failed);
        }
    }

    public IReadOnlyDictionary<int, long> LastOffsets()
    {
        lock (_lock)
        {
            return new Dictionary<int, long>(_lastOffsets);
        }
    }
}
