using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace Bandit.Tools.DevBroker;

/// <summary>The command line of bandit-devbroker, parsed and checked.</summary>
internal sealed partial record DevBrokerArguments(
    int Port,
    IReadOnlyList<string> Topics,
    int Partitions,
    int Brokers)
{
    public const int DefaultPort = 9092;
    public const string DefaultTopic = "bandit-clicks";
    public const int DefaultPartitions = 8;
    public const int DefaultBrokers = 1;

    public const string Usage =
        "Usage: bandit-devbroker [--port 9092] [--topic bandit-clicks] [--partitions 8] [--brokers 1]\n"
        + "  --port N        fixed bootstrap port on 127.0.0.1 (0: the mock's ephemeral port)\n"
        + "  --topic NAME    topic to create; repeat for several (default bandit-clicks)\n"
        + "  --partitions N  partitions of each topic (default 8)\n"
        + "  --brokers N     number of mock brokers (default 1)\n"
        + "Prints 'bootstrap=127.0.0.1:PORT' when ready and runs until SIGINT or SIGTERM.";

    /// <summary>Parses <paramref name="args"/>; when it fails, <paramref name="error"/> says why.</summary>
    public static bool TryParse(string[] args, out DevBrokerArguments? parsed, out string? error)
    {
        var port = DefaultPort;
        var partitions = DefaultPartitions;
        var brokers = DefaultBrokers;
        var topics = new List<string>();
        parsed = null;

        for (var i = 0; i < args.Length; i++)
        {
            var option = args[i];
            if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                error = option.StartsWith("--", StringComparison.Ordinal)
                    ? $"Option {option} needs a value."
                    : $"Unexpected argument '{option}'.";
                return false;
            }

            var value = args[++i];
            error = option switch
            {
                "--port" => ReadInt(option, value, 0, IPEndPoint.MaxPort, out port),
                "--partitions" => ReadInt(option, value, 1, 100_000, out partitions),
                "--brokers" => ReadInt(option, value, 1, 100, out brokers),
                "--topic" => AddTopic(value, topics),
                _ => $"Unknown option '{option}'.",
            };
            if (error is not null)
            {
                return false;
            }
        }

        if (topics.Count == 0)
        {
            topics.Add(DefaultTopic);
        }

        parsed = new DevBrokerArguments(port, topics, partitions, brokers);
        error = null;
        return true;
    }

    private static string? ReadInt(string option, string value, int min, int max, out int result)
    {
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out result)
            && result >= min && result <= max)
        {
            return null;
        }

        return $"Option {option} takes a whole number from {min} to {max}, not '{value}'.";
    }

    private static string? AddTopic(string value, List<string> topics)
    {
        // Same rule as MockKafkaCluster applies, checked here to name the option in the message.
        if (value.Length > 249 || !TopicName().IsMatch(value))
        {
            return $"Option --topic takes a topic name (letters, digits, '.', '_', '-'), not '{value}'.";
        }

        topics.Add(value);
        return null;
    }

    [GeneratedRegex("^[a-zA-Z0-9._-]+$")]
    private static partial Regex TopicName();
}
