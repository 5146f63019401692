namespace Bandit.Bench.Measures;

/// <summary>
/// A short ladder of rates: up by half while the rate holds, down by half while it does not, at most a few
/// trials; the answer is the highest rate that held. When the producer itself cannot reach a rate while the
/// system keeps up, the answer is the rate produced, flagged: the system may take more than the bench can send.
/// </summary>
internal static class SustainedSearch
{
    private const double Step = 1.5;

    public static async Task<(double Best, bool ProducerLimited, List<SustainedTrialResult> Trials)> RunAsync(
        LiveProducer producer,
        LagTracker lag,
        double startRate,
        TimeSpan trialLength,
        int maxTrials,
        Action<SustainedTrialResult> onTrial)
    {
        var trials = new List<SustainedTrialResult>();
        var best = 0.0;
        var rate = startRate;
        bool? goingUp = null;
        while (trials.Count < maxTrials)
        {
            var trial = await SustainedTrial.RunAsync(producer, lag, rate, trialLength);
            trials.Add(trial);
            onTrial(trial);
            if (trial.Held)
            {
                best = Math.Max(best, rate);
            }

            if (trial.ProducerLimited && trial.KeptUp)
            {
                return (Math.Max(best, trial.AchievedRate), true, trials);
            }

            var turned = (goingUp == true && !trial.Held) || (goingUp == false && trial.Held);
            if (!trial.Drained || trial.ProducerLimited || turned)
            {
                break;
            }

            goingUp = trial.Held;
            rate = trial.Held ? rate * Step : rate / Step / Step;
        }

        return (best, false, trials);
    }
}
