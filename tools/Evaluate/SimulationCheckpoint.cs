namespace Bandit.Tools.Evaluate;

/// <summary>Totals of a simulated run after some impressions.</summary>
/// <param name="Impressions">Impressions served so far.</param>
/// <param name="Clicks">Clicks drawn so far.</param>
/// <param name="Regret">
/// Expected clicks lost against the oracle that always shows the best posts: the sum over impressions of
/// the oracle slot's click rate minus the shown post's. Free of click noise.
/// </param>
internal sealed record SimulationCheckpoint(long Impressions, long Clicks, double Regret)
{
    /// <summary>Clicks per impression.</summary>
    public double ClickRate => Impressions == 0 ? 0 : (double)Clicks / Impressions;
}
