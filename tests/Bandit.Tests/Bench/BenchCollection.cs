namespace Bandit.Tests.Bench;

/// <summary>The benchmark smoke run: it measures rates, so it runs alone, never beside other tests.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BenchCollection
{
    public const string Name = "bench";
}
