using Bandit.Ranking;
using BenchmarkDotNet.Attributes;

namespace Bandit.Bench.Micro;

/// <summary>One Beta draw (Thompson sampling's unit of work): a U-shaped prior, a young arm, an old arm.</summary>
public class SamplingBenchmarks
{
    private readonly Random _random = new(1);

    [Params("0.5,0.5", "2,40", "50001,950001")]
    public string Shapes { get; set; } = "2,40";

    private double _alpha;
    private double _beta;

    [GlobalSetup]
    public void Setup()
    {
        var parts = Shapes.Split(',');
        _alpha = double.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
        _beta = double.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
    }

    [Benchmark]
    public double Sample() => BetaSampler.Sample(_random, _alpha, _beta);
}
