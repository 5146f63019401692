namespace Bandit.Bench.Measures;

/// <summary>How fast a system applied a preloaded topic.</summary>
/// <param name="Applied">Events applied when the measure ended.</param>
/// <param name="Held">Events the topic held.</param>
/// <param name="FirstAppliedSeconds">From the process start to the first poll showing an applied event.</param>
/// <param name="Seconds">From the last poll showing nothing applied (or the start) to the last poll.</param>
/// <param name="Rate">Events per second from the first applied event to the end.</param>
/// <param name="SteadyRate">Events per second between 5% and 95% of what was applied.</param>
internal sealed record CatchUpResult(
    long Applied,
    long Held,
    double FirstAppliedSeconds,
    double Seconds,
    double Rate,
    double SteadyRate)
{
    public bool Complete => Applied >= Held;
}
