namespace Bandit.Bench.Report;

/// <summary>
/// A system's memory when its catch-up ended, in bytes (NaN where a figure does not apply), and the arms it held
/// then: every distinct post of the topic, or an estimate from the applied prefix when the time limit cut it short.
/// </summary>
internal sealed record MemorySample(double ResidentBytes, double GcHeapBytes, double RedisUsedBytes, double ArmsHeld);
