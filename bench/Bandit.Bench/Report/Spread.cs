using System.Globalization;

namespace Bandit.Bench.Report;

/// <summary>The median, minimum and maximum of a measure's repeats (NaN repeats left out).</summary>
internal readonly record struct Spread(double Median, double Min, double Max, int Count)
{
    public static readonly Spread None = new(double.NaN, double.NaN, double.NaN, 0);

    public bool HasValue => Count > 0;

    public static Spread Of(IEnumerable<double> values)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).Order().ToArray();
        if (sorted.Length == 0)
        {
            return None;
        }

        var middle = sorted.Length / 2;
        var median = sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return new Spread(median, sorted[0], sorted[^1], sorted.Length);
    }

    public string Format(Func<double, string> number) => !HasValue ? "n/a"
        : Count == 1 ? number(Median)
        : string.Create(CultureInfo.InvariantCulture, $"{number(Median)} [{number(Min)}..{number(Max)}]");
}
