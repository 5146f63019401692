namespace Bandit.Bench.Report;

/// <summary>A system's memory right after it caught up, in bytes (NaN where a figure does not apply).</summary>
internal sealed record MemorySample(double ResidentBytes, double GcHeapBytes, double RedisUsedBytes);
