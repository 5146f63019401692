using System.Globalization;

namespace Bandit.Bench.Harness;

/// <summary>Reads one series from a Prometheus text page, summed over its labels.</summary>
internal static class MetricsPage
{
    public static double Sum(string page, string name)
    {
        var sum = 0.0;
        var found = false;
        foreach (var line in page.Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#' || !line.StartsWith(name, StringComparison.Ordinal))
            {
                continue;
            }

            var rest = line[name.Length..];
            if (rest.Length == 0 || (rest[0] != '{' && rest[0] != ' '))
            {
                continue;
            }

            var value = rest[(rest.LastIndexOf('}') + 1)..].Trim().Split(' ')[0];
            if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                sum += number;
                found = true;
            }
        }

        return found ? sum : double.NaN;
    }
}
