using BenchmarkDotNet.Configs;
using Perfolizer.Horology;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

// In-process short runs: the whole micro suite stays within a few minutes, and no project is generated and
// built per benchmark (that build would inherit the repository's warnings-as-errors).
var artifacts = Environment.GetEnvironmentVariable("BENCH_MICRO_ARTIFACTS") is { Length: > 0 } path
    ? path
    : Path.Combine("bench", "results", "micro");
var config = ManualConfig.Create(DefaultConfig.Instance)
    .AddJob(Job.ShortRun
        .WithToolchain(InProcessEmitToolchain.Instance)
        .WithWarmupCount(1)
        .WithIterationTime(TimeInterval.FromMilliseconds(200)))
    .AddDiagnoser(MemoryDiagnoser.Default)
    .WithArtifactsPath(artifacts)
    .WithOptions(ConfigOptions.JoinSummary);
BenchmarkSwitcher.FromAssembly(typeof(Bandit.Bench.Micro.ScoringBenchmarks).Assembly).Run(args, config);
