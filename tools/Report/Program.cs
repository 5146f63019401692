using System.Globalization;
using Bandit.Tools.Report;
using Confluent.Kafka;

// bandit-report: an HTML report of a run, from the Kafka topics the service reads and writes.
const string Usage = """
    usage: bandit-report [--bootstrap HOST:PORT] [--topic bandit-clicks] [--served-topic bandit-served-rankings|""]
                         [--snapshot FILE.parquet|FILE.csv] [--top 10] [--buckets 48] [--out report.html]
    Reads the click topic and the served-ranking topic from their beginnings to their current ends and writes
    one HTML file with the plots embedded. --snapshot takes each post's prior from an exported snapshot.
    """;

var options = new Dictionary<string, string>
{
    ["--bootstrap"] = "127.0.0.1:9092",
    ["--topic"] = "bandit-clicks",
    ["--served-topic"] = "bandit-served-rankings",
    ["--snapshot"] = "",
    ["--top"] = "10",
    ["--buckets"] = "48",
    ["--out"] = "report.html",
};
for (var i = 0; i < args.Length; i++)
{
    if (args[i] is "-h" or "--help")
    {
        Console.WriteLine(Usage);
        return 0;
    }

    if (!options.ContainsKey(args[i]) || i + 1 >= args.Length)
    {
        Console.Error.WriteLine($"bandit-report: unknown or incomplete option {args[i]}\n{Usage}");
        return 2;
    }

    options[args[i]] = args[++i];
}

if (!int.TryParse(options["--top"], NumberStyles.None, CultureInfo.InvariantCulture, out var top) || top is < 1 or > 100
    || !int.TryParse(options["--buckets"], NumberStyles.None, CultureInfo.InvariantCulture, out var buckets)
    || buckets is < 2 or > 1000)
{
    Console.Error.WriteLine("bandit-report: --top must be 1..100 and --buckets 2..1000");
    return 2;
}

var settings = new ReportSettings(
    options["--bootstrap"], options["--topic"], options["--served-topic"], options["--snapshot"], top, buckets,
    Path.GetFullPath(options["--out"]));
try
{
    var data = await ReportBuilder.BuildAsync(settings, Console.Error);
    Console.WriteLine(
        $"{data.Impressions:N0} impressions, {data.Clicks:N0} clicks, {data.Posts:N0} posts: {settings.OutPath}");
    return 0;
}
catch (Exception ex) when (ex is KafkaException or InvalidOperationException or TimeoutException or IOException
    or FormatException)
{
    Console.Error.WriteLine($"bandit-report: {ex.Message}");
    return 1;
}
