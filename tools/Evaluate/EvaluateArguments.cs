using System.Globalization;

namespace Bandit.Tools.Evaluate;

/// <summary>Command line of bandit-evaluate.</summary>
internal sealed record EvaluateArguments(
    string Command,
    string Campaign,
    string PriorsPath,
    IReadOnlyList<long> Checkpoints,
    int Seeds,
    IReadOnlyList<PolicyVariant> Policies,
    IReadOnlyList<string> Logs,
    bool Help)
{
    public const string Usage = """
        usage: bandit-evaluate simulate [--campaign all|men|women] [--priors PATH] [--impressions N,N,...]
                                        [--seeds N] [--policies NAME,NAME,...]
               bandit-evaluate replay LOG.csv [LOG.csv ...] [--policies NAME,...]

        simulate  runs each policy from a cold start on a 3-slot feed whose true click rates are the prior
                  means in the Open Bandit Dataset's prior_bts.yaml; prints CTR, lift over uniform random and
                  regret against the oracle at each impression count, mean and spread over the seeds.
        replay    estimates each policy's CTR on uniform-random logs (Open Bandit Dataset CSV with
                  propensity_score) by the replay method and by inverse propensity weighting, with 95% intervals.

        policies: thompson (the service's default tuning), thompson-plain, bayes-ucb, greedy, epsilon-greedy,
                  uniform. --variance-scale S sets the Thompson variance scale of "thompson" (default 0.0625).
                  Defaults: --campaign all, --priors ../shared/data/obd/prior_bts.yaml,
                  --impressions 300000,3000000,12168084, --seeds 5, all policies.
        """;

    public static EvaluateArguments Parse(string[] args)
    {
        if (args.Length == 0 || args.Contains("--help") || args.Contains("-h"))
        {
            return new EvaluateArguments("", "", "", [], 0, [], [], Help: true);
        }

        var command = args[0];
        if (command is not ("simulate" or "replay"))
        {
            throw new ArgumentException($"unknown command '{command}'; use simulate or replay");
        }

        var campaign = "all";
        var priors = Path.Combine("..", "shared", "data", "obd", "prior_bts.yaml");
        IReadOnlyList<long> checkpoints = [300_000, 3_000_000, 12_168_084];
        var seeds = 5;
        var policies = PolicyVariant.All;
        var logs = new List<string>();
        double? scale = null;
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--campaign":
                    campaign = Value(args, ref i);
                    break;
                case "--priors":
                    priors = Value(args, ref i);
                    break;
                case "--impressions":
                    checkpoints = [.. Value(args, ref i).Split(',').Select(t => Positive(t, "--impressions"))];
                    break;
                case "--seeds":
                    seeds = (int)Positive(Value(args, ref i), "--seeds");
                    break;
                case "--policies":
                    policies = [.. Value(args, ref i).Split(',').Select(PolicyVariant.Named)];
                    break;
                case "--variance-scale":
                    scale = VarianceScale(Value(args, ref i));
                    break;
                case var option when option.StartsWith("--", StringComparison.Ordinal):
                    throw new ArgumentException($"unknown option '{option}'");
                default:
                    logs.Add(args[i]);
                    break;
            }
        }

        if (command == "replay" && logs.Count == 0)
        {
            throw new ArgumentException("replay needs at least one log file");
        }

        var simulateOnly = args.Intersect(["--campaign", "--priors", "--impressions", "--seeds"]).FirstOrDefault();
        if (command == "replay" && simulateOnly is not null)
        {
            throw new ArgumentException($"{simulateOnly} applies to simulate, not to replay");
        }

        if (command == "simulate" && logs.Count > 0)
        {
            throw new ArgumentException($"simulate takes no files, got '{logs[0]}'");
        }

        if (scale is { } s)
        {
            policies = [.. policies.Select(p => p.Name == "thompson"
                ? p with { Name = $"thompson (scale {s:0.####})", Book = p.Book with { ThompsonVarianceScale = s } }
                : p)];
        }

        return new EvaluateArguments(command, campaign, priors, checkpoints, seeds, policies, logs, Help: false);
    }

    private static string Value(string[] args, ref int i) =>
        ++i < args.Length ? args[i] : throw new ArgumentException($"{args[i - 1]} needs a value");

    private static double VarianceScale(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value is > 0 and <= 1
            ? value
            : throw new ArgumentException($"--variance-scale takes a number in (0, 1], got '{text}'");

    private static long Positive(string text, string option) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"{option} takes positive whole numbers, got '{text}'");
}
