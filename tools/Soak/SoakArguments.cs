using System.Globalization;

namespace Bandit.Tools.Soak;

/// <summary>What to run against, how fast and how long.</summary>
internal sealed record SoakArguments(
    Uri Gateway,
    Uri Web,
    string ApiKey,
    int EventsPerSecond,
    TimeSpan Duration,
    TimeSpan ReportEvery,
    int Posts,
    int? SiloPid)
{
    public const string Usage = """
        usage: bandit-soak --gateway URL --web URL [options]
          --gateway URL        gRPC gateway, e.g. http://127.0.0.1:6100
          --web URL            the silo's web endpoint, for /metrics
          (the environment variable BANDIT_API_KEY, when set, is sent as x-api-key; it needs events:write and
          rankings:read)
          --rate N             events per second, steady (default 1000)
          --minutes M          how long (default 10)
          --report-seconds S   one report line per S seconds (default 30)
          --posts P            distinct post ids (default 1000)
          --pid PID            the silo's process id, for its resident set size from /proc
        """;

    public static SoakArguments Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"expected --option value, got '{args[i]}'");
            }

            values[args[i][2..]] = args[i + 1];
        }

        string Get(string name, string fallback) => values.GetValueOrDefault(name, fallback);
        string Required(string name) =>
            values.TryGetValue(name, out var value) ? value : throw new ArgumentException($"--{name} is required");
        int Number(string name, int fallback) =>
            int.TryParse(Get(name, fallback.ToString(CultureInfo.InvariantCulture)), out var n) && n > 0
                ? n
                : throw new ArgumentException($"--{name} must be a positive integer");

        return new SoakArguments(
            new Uri(Required("gateway")),
            new Uri(Required("web")),
            Environment.GetEnvironmentVariable("BANDIT_API_KEY") ?? "",
            Number("rate", 1000),
            TimeSpan.FromMinutes(Number("minutes", 10)),
            TimeSpan.FromSeconds(Number("report-seconds", 30)),
            Number("posts", 1000),
            values.ContainsKey("pid") ? Number("pid", 1) : null);
    }
}
