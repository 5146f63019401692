namespace Bandit.Ranking;

/// <summary>How an <see cref="ArmBook"/> scores and samples.</summary>
/// <param name="UpperQuantile">
/// The posterior quantile Bayes-UCB ranks by; also orders the candidate pool of Thompson sampling.
/// </param>
/// <param name="CandidatePoolSize">Arms, by upper quantile, that a Thompson-sampled ranking draws from.</param>
/// <param name="NewArmSlots">The most recently added arms, always in the pool besides the above.</param>
/// <param name="HalfLife">Half-life of evidence; <c>null</c> keeps all evidence at full weight.</param>
/// <param name="ThompsonVarianceScale">
/// Thompson sampling draws from a Beta with the posterior's mean and about this times its variance: 1 is plain
/// Thompson sampling, below 1 explores less (Chapelle and Li, 2011, found that pays on finite horizons).
/// </param>
/// <param name="RescoreWindow">
/// With decay, how many leading arms a deterministic ranking re-scores at the current stream time.
/// </param>
public sealed record ArmBookSettings(
    double UpperQuantile = ArmBookSettings.DefaultUpperQuantile,
    int CandidatePoolSize = ArmBookSettings.DefaultCandidatePoolSize,
    int NewArmSlots = ArmBookSettings.DefaultNewArmSlots,
    TimeSpan? HalfLife = null,
    double ThompsonVarianceScale = ArmBookSettings.DefaultThompsonVarianceScale,
    int RescoreWindow = ArmBookSettings.DefaultRescoreWindow)
{
    /// <summary>Default upper quantile.</summary>
    public const double DefaultUpperQuantile = 0.999;

    /// <summary>Default candidate pool size.</summary>
    public const int DefaultCandidatePoolSize = 1024;

    /// <summary>Default number of new arms kept in the pool.</summary>
    public const int DefaultNewArmSlots = 64;

    /// <summary>Default variance scale: tuned on the ZOZOTOWN simulation (see docs/ranking.md).</summary>
    public const double DefaultThompsonVarianceScale = 1.0 / 16.0;

    /// <summary>Default re-score window.</summary>
    public const int DefaultRescoreWindow = 256;
}
