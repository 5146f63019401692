namespace Bandit.Tools.Report;

/// <summary>Everything the report shows, computed from the topics (and a snapshot).</summary>
internal sealed class ReportData
{
    public long Records { get; set; }

    public long Unreadable { get; set; }

    public long Impressions { get; set; }

    public long Clicks { get; set; }

    public int Posts { get; set; }

    public long[] ClickTopicEnds { get; set; } = [];

    /// <summary>Bucket start times (Unix ms, event time) and the CTR in each (NaN without impressions).</summary>
    public List<(long Start, double Ctr, long Impressions)> CtrOverTime { get; } = [];

    /// <summary>Bucket end times (Unix ms, event time) and the leading posts by posterior mean at each.</summary>
    public List<(long End, string[] Top)> TopOverTime { get; } = [];

    /// <summary>The leading posts at the end: mean and 95% credible interval.</summary>
    public List<(string PostId, double Mean, double Lower, double Upper, long Impressions, long Clicks)> Leaders
    {
        get;
    } = [];

    /// <summary>Where the leaders' posteriors come from: the snapshot, or counts rebuilt from the topic.</summary>
    public string LeadersSource { get; set; } = "";

    public long ServedRankings { get; set; }

    /// <summary>Served-time buckets: slots that exploited (the greedy choice) and that explored.</summary>
    public List<(long Start, long Exploited, long Explored)> ExplorationOverTime { get; } = [];
}
