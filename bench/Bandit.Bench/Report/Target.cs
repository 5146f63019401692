namespace Bandit.Bench.Report;

/// <summary>A target of the issue for Bandit, and whether the figures meet it (null: not measurable).</summary>
internal sealed record Target(string Description, bool? Met)
{
    public string Verdict => Met switch
    {
        true => "PASS",
        false => "FAIL",
        null => "n/a",
    };
}
