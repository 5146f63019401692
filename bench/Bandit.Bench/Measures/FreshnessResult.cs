namespace Bandit.Bench.Measures;

/// <summary>Time from a probe's acknowledgement to its first appearance in the top 10, in milliseconds.</summary>
internal sealed record FreshnessResult(long Shown, int Missed, double P50Ms, double P99Ms);
