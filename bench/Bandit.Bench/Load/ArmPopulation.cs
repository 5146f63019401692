using System.Globalization;
using Bandit.Ranking;

namespace Bandit.Bench.Load;

/// <summary>
/// N posts with fixed ids and a true click rate each, drawn from Beta(5, 95) (mean 5%) with a seed, so that a
/// ranking by posterior mean has something real to find and every system sees the same world.
/// </summary>
internal sealed class ArmPopulation
{
    private const double RateAlpha = 5.0;
    private const double RateBeta = 95.0;

    private readonly string[] _postIds;
    private readonly double[] _clickRates;

    public ArmPopulation(int count, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);

        var random = new Random(seed);
        _postIds = new string[count];
        _clickRates = new double[count];
        for (var i = 0; i < count; i++)
        {
            _postIds[i] = PostId(i);
            _clickRates[i] = BetaSampler.Sample(random, RateAlpha, RateBeta);
        }
    }

    public int Count => _postIds.Length;

    public string PostIdAt(int index) => _postIds[index];

    public double ClickRateAt(int index) => _clickRates[index];

    /// <summary>The index of a post id this population wrote.</summary>
    public int IndexOf(string postId) =>
        int.Parse(postId.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture);

    /// <summary>Post ids as the bench writes them: 'a' and seven digits, e.g. a0000123.</summary>
    public static string PostId(int index) => $"a{index:D7}";
}
