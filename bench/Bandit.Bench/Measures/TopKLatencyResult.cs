using Bandit.Contracts.Gateway.V1;

namespace Bandit.Bench.Measures;

/// <summary>GetTopK latency under an open-loop request rate, in milliseconds.</summary>
internal sealed record TopKLatencyResult(RankingPolicy Policy, long Answered, long Failed, double P50Ms, double P99Ms);
