using Bandit.Grains;
using Bandit.Ranking;

namespace Bandit.Tools.Evaluate;

/// <summary>One simulated run.</summary>
/// <param name="Policy">The ranking policy under test.</param>
/// <param name="Impressions">Impressions to serve (slots times rounds).</param>
/// <param name="Checkpoints">Impression counts at which to record the totals.</param>
/// <param name="Seed">Seed of the clicks and of the policy's draws.</param>
/// <param name="Book">The ranker settings, as a shard would use them.</param>
/// <param name="Slots">Posts per feed view.</param>
/// <param name="RefreshEveryRounds">
/// Feed views between two evidence updates of the ranker: the service applies events in batches, so the
/// simulation does too.
/// </param>
/// <param name="Epsilon">Exploration probability of epsilon-greedy.</param>
/// <param name="Prior">Every post's starting prior: cold start, Beta(1, 1) by default.</param>
internal sealed record SimulationSettings(
    RankingPolicy Policy,
    long Impressions,
    IReadOnlyList<long> Checkpoints,
    ulong Seed,
    ArmBookSettings Book,
    int Slots = 3,
    int RefreshEveryRounds = 1000,
    double Epsilon = 0.1,
    ArmPrior? Prior = null);
