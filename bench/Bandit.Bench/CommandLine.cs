using System.Globalization;

namespace Bandit.Bench;

/// <summary>A subcommand and its <c>--name value</c> options (a bare <c>--name</c> is a flag).</summary>
internal sealed class CommandLine
{
    private readonly Dictionary<string, string> _options = new(StringComparer.Ordinal);

    private CommandLine(string command) => Command = command;

    public string Command { get; }

    public static CommandLine Parse(string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith("--", StringComparison.Ordinal))
        {
            throw new ArgumentException("the first argument names a subcommand");
        }

        var line = new CommandLine(args[0]);
        for (var i = 1; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"unexpected argument '{args[i]}'");
            }

            var hasValue = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal);
            line._options[args[i][2..]] = hasValue ? args[++i] : "true";
        }

        return line;
    }

    public bool Has(string name) => _options.ContainsKey(name);

    public string Text(string name, string? fallback = null) =>
        _options.TryGetValue(name, out var value) ? value
        : fallback ?? throw new ArgumentException($"--{name} is required");

    public long Number(string name, long? fallback = null)
    {
        if (!_options.TryGetValue(name, out var value))
        {
            return fallback ?? throw new ArgumentException($"--{name} is required");
        }

        // 1e6 and 10_000_000 read as the numbers they look like.
        var cleaned = value.Replace("_", "", StringComparison.Ordinal);
        return double.TryParse(cleaned, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            && number == Math.Floor(number)
            ? (long)number
            : throw new ArgumentException($"--{name} takes a whole number, not '{value}'");
    }

    public double Real(string name, double fallback) =>
        _options.TryGetValue(name, out var value)
            ? double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture)
            : fallback;
}
