namespace Bandit.Bench.Load;

/// <summary>
/// Draws ranks 0..n-1 with probability proportional to 1 / (rank + 1)^s, by binary search in the cumulative
/// weights: O(log n) per draw and 8 bytes per rank, which is cheap next to producing the event.
/// </summary>
internal sealed class ZipfSampler
{
    private readonly double[] _cumulative;

    public ZipfSampler(int n, double exponent = 1.0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);

        _cumulative = new double[n];
        var total = 0.0;
        for (var rank = 0; rank < n; rank++)
        {
            total += 1.0 / Math.Pow(rank + 1, exponent);
            _cumulative[rank] = total;
        }

        for (var rank = 0; rank < n; rank++)
        {
            _cumulative[rank] /= total;
        }
    }

    public int Count => _cumulative.Length;

    /// <summary>The probability of the most popular rank.</summary>
    public double TopShare => _cumulative[0];

    public int Next(Random random)
    {
        var index = Array.BinarySearch(_cumulative, random.NextDouble());
        return Math.Min(index >= 0 ? index : ~index, _cumulative.Length - 1);
    }
}
