using System.Diagnostics;
using System.Globalization;
using Bandit.Tools.Evaluate;

// bandit-evaluate: measures the ranking policies offline. See docs/ranking.md for the report it produced.
try
{
    var arguments = EvaluateArguments.Parse(args);
    if (arguments.Help)
    {
        Console.WriteLine(EvaluateArguments.Usage);
        return 0;
    }

    var clock = Stopwatch.StartNew();
    if (arguments.Command == "simulate")
    {
        SimulationReport.Run(arguments, Console.Out);
    }
    else
    {
        ReplayReport.Run(arguments, Console.Out);
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"done in {clock.Elapsed.TotalSeconds:F1} s"));
    return 0;
}
catch (Exception ex) when (ex is ArgumentException or FormatException or IOException
    or Bandit.ClickLogs.ClickLogFormatException)
{
    Console.Error.WriteLine($"bandit-evaluate: {ex.Message}");
    Console.Error.WriteLine("Run with --help for usage.");
    return 2;
}
