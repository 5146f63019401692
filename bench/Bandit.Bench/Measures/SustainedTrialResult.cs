namespace Bandit.Bench.Measures;

/// <summary>One rung of the sustained ladder; lags are the oldest unapplied record's age at each poll.</summary>
internal sealed record SustainedTrialResult(
    double TargetRate,
    double AchievedRate,
    double WorstLagSeconds,
    bool Drained,
    double MedianLagSeconds,
    double WorstLagAtSeconds)
{
    /// <summary>Lag stayed under the limit at the rate the producer reached.</summary>
    public bool KeptUp => WorstLagSeconds < SustainedTrial.LagLimitSeconds;

    /// <summary>The producer fell more than 5% short of the rate: the system was not asked for more.</summary>
    public bool ProducerLimited => AchievedRate < 0.95 * TargetRate;

    /// <summary>The producer reached the rate and lag stayed under the limit.</summary>
    public bool Held => KeptUp && !ProducerLimited;
}
