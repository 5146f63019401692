using Bandit.Bench.Harness;
using Bandit.Bench.Measures;

namespace Bandit.Bench.Report;

/// <summary>One system catching up one preloaded topic, and its memory afterwards.</summary>
internal sealed record CatchUpRun(SystemKind System, int Arms, int Repeat, CatchUpResult Result, MemorySample? Memory);
