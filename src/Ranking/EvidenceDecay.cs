namespace Bandit.Ranking;

/// <summary>
/// Exponential forgetting of evidence by event time. Each event weighs 2^(-age / half-life); a running
/// sum kept at the time of its newest event can be moved to any later time by one multiplication, so
/// decay costs nothing until an arm is touched or ranked, and the result does not depend on arrival order.
/// </summary>
public static class EvidenceDecay
{
    /// <summary>The weight of evidence that is <paramref name="ageMs"/> old; 1 without a half-life.</summary>
    public static double Weight(long ageMs, TimeSpan? halfLife)
    {
        if (halfLife is not { } h || ageMs <= 0)
        {
            return 1.0;
        }

        return double.Exp2(-ageMs / h.TotalMilliseconds);
    }
}
