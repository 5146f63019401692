using System.Globalization;

namespace Bandit.Tools.Soak;

/// <summary>Reads a few series from a Prometheus text page, summing over labels.</summary>
internal static class MetricsScrape
{
    public static async Task<IReadOnlyDictionary<string, double>> ReadAsync(
        HttpClient http,
        Uri metrics,
        IReadOnlyList<string> names)
    {
        var text = await http.GetStringAsync(metrics);
        var sums = names.ToDictionary(n => n, _ => 0.0, StringComparer.Ordinal);
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith('#') || line.Length == 0)
            {
                continue;
            }

            var nameEnd = line.IndexOfAny(['{', ' ']);
            var name = nameEnd < 0 ? line : line[..nameEnd];
            if (!sums.ContainsKey(name))
            {
                continue;
            }

            var fields = line[(line.LastIndexOf('}') + 1)..].Trim().Split(' ');
            if (double.TryParse(fields[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                sums[name] += value;
            }
        }

        return sums;
    }

    /// <summary>Resident set size of a process in bytes, from /proc; NaN when it cannot be read.</summary>
    public static double ResidentBytes(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status")
                .FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            var kilobytes = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
            return kilobytes is null ? double.NaN : double.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return double.NaN;
        }
    }
}
