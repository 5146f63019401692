using System.Globalization;
using Bandit.Contracts.Gateway.V1;
using TopKQuery = Bandit.Grains.TopKQuery;

namespace Bandit.Tools.Replay;

/// <summary>The command line of the replay tool.</summary>
internal sealed record ReplayArguments(
    string File,
    string Bootstrap,
    string Topic,
    string Gateway,
    string Prefix,
    int Top,
    RankingPolicy Policy,
    string RunId,
    TimeSpan Timeout)
{
    public const string Usage = """
        usage: bandit-replay <click-log.csv> [options]
          Publishes a click log (Open Bandit Dataset CSV, or timestamp,post_id,clicked) to the click-stream
          topic, waits until the service has applied every event, and prints the top posts.
        options:
          --bootstrap HOST:PORT   Kafka bootstrap servers          (default 127.0.0.1:9092)
          --topic NAME            click-stream topic               (default bandit-clicks)
          --gateway URL           gRPC gateway                     (default http://127.0.0.1:5000)
          --prefix TEXT           put before every post id         (default none)
          --top K                 how many posts to print          (default 10)
          --policy NAME           posterior-mean | thompson | bayes-ucb | epsilon-greedy | uniform
                                  (default posterior-mean)
          --run-id TEXT           prefix of the event ids (default: a new id per run). Every
                                  replay is counted: replaying a log again adds its events again
                                  (posts only drop repeats among their 64 most recent event ids)
          --timeout SECONDS       how long to wait for the service (default 300)
        environment:
          BANDIT_API_KEY          API key (rankings:read) for a gateway that requires credentials
        """;

    public static ReplayArguments Parse(string[] args)
    {
        string? file = null;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                if (i + 1 >= args.Length)
                {
                    throw new ArgumentException($"{args[i]} needs a value");
                }

                values[args[i]] = args[++i];
            }
            else if (file is null)
            {
                file = args[i];
            }
            else
            {
                throw new ArgumentException($"unexpected argument '{args[i]}'");
            }
        }

        var known = new[]
        {
            "--bootstrap", "--topic", "--gateway", "--prefix", "--top", "--policy", "--run-id", "--timeout",
        };
        if (values.Keys.FirstOrDefault(k => !known.Contains(k)) is { } unknown)
        {
            throw new ArgumentException($"unknown option {unknown}");
        }

        return new ReplayArguments(
            file ?? throw new ArgumentException("no click log given"),
            values.GetValueOrDefault("--bootstrap", "127.0.0.1:9092"),
            values.GetValueOrDefault("--topic", "bandit-clicks"),
            GatewayUrl(values.GetValueOrDefault("--gateway", "http://127.0.0.1:5000")),
            values.GetValueOrDefault("--prefix", ""),
            TopK(values.GetValueOrDefault("--top", "10")),
            values.GetValueOrDefault("--policy", "posterior-mean") switch
            {
                "posterior-mean" => RankingPolicy.PosteriorMean,
                "thompson" => RankingPolicy.ThompsonSampling,
                "bayes-ucb" => RankingPolicy.BayesUcb,
                "epsilon-greedy" => RankingPolicy.EpsilonGreedy,
                "uniform" => RankingPolicy.UniformRandom,
                var other => throw new ArgumentException(
                    "--policy must be posterior-mean, thompson, bayes-ucb, epsilon-greedy or uniform, " +
                    $"got '{other}'"),
            },
            values.GetValueOrDefault("--run-id", Guid.NewGuid().ToString("N")[..12]),
            TimeSpan.FromSeconds(PositiveInt(values.GetValueOrDefault("--timeout", "300"), "--timeout")));
    }

    private static string GatewayUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == "http" || uri.Scheme == "https")
            ? text
            : throw new ArgumentException($"--gateway must be an http:// or https:// URL, got '{text}'");

    private static int TopK(string text)
    {
        var k = PositiveInt(text, "--top");
        return k <= TopKQuery.MaxK
            ? k
            : throw new ArgumentException($"--top must be at most {TopKQuery.MaxK}, got {k}");
    }

    private static int PositiveInt(string text, string option) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"{option} must be a positive whole number, got '{text}'");
}
