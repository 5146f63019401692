using System.Globalization;

namespace Bandit.Tests.Fixtures;

/// <summary>
/// The Open Bandit Dataset sample in ../shared/data/obd, read independently of the product's reader so the
/// tests check the service against counts of their own.
/// </summary>
internal static class ObdLog
{
    public static readonly string[] Files =
    [
        "random/men/men.csv",
        "random/women/women.csv",
        "bts/men/men.csv",
        "bts/women/women.csv",
    ];

    /// <summary>
    /// The dataset folder: $BANDIT_OBD_DIR, or shared/data/obd beside an ancestor of the test binaries.
    /// </summary>
    public static string Directory { get; } = Locate();

    public static string PathOf(string file) => Path.Combine(Directory, file);

    /// <summary>Impressions and clicks per item id, counted straight from the CSV.</summary>
    public static Dictionary<string, (long Impressions, long Clicks)> Count(string file)
    {
        var lines = File.ReadLines(PathOf(file)).ToList();
        var header = lines[0].Split(',');
        int item = Array.IndexOf(header, "item_id"), click = Array.IndexOf(header, "click");
        var counts = new Dictionary<string, (long Impressions, long Clicks)>();
        foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
        {
            var fields = line.Split(',');
            var (impressions, clicks) = counts.GetValueOrDefault(fields[item]);
            counts[fields[item]] = (impressions + 1, clicks + int.Parse(fields[click], CultureInfo.InvariantCulture));
        }

        return counts;
    }

    private static string Locate()
    {
        if (Environment.GetEnvironmentVariable("BANDIT_OBD_DIR") is { Length: > 0 } configured)
        {
            return configured;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", "obd");
            if (System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException(
            "shared/data/obd not found above the test binaries; set BANDIT_OBD_DIR to the Open Bandit Dataset folder");
    }
}
