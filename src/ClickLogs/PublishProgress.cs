namespace Bandit.ClickLogs;

/// <summary>How far a publish has come.</summary>
/// <param name="Rows">Log rows read.</param>
/// <param name="Produced">Events handed to the producer.</param>
/// <param name="Acknowledged">Events the broker acknowledged.</param>
/// <param name="Failed">Events the broker did not take.</param>
public readonly record struct PublishProgress(long Rows, long Produced, long Acknowledged, long Failed);
