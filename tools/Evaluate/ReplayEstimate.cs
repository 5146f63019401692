namespace Bandit.Tools.Evaluate;

/// <summary>What one policy scored on one log.</summary>
/// <param name="Replay">Clicks per accepted row, with Wilson's interval.</param>
/// <param name="Accepted">Rows where the policy chose the logged post at the logged position.</param>
/// <param name="AcceptedClicks">Clicks among them.</param>
/// <param name="Ipw">Inverse-propensity-weighted CTR over all rows, with a normal interval.</param>
internal sealed record ReplayEstimate(Interval Replay, long Accepted, long AcceptedClicks, Interval Ipw);
