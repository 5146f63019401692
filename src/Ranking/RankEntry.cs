using Bandit.Grains;

namespace Bandit.Ranking;

/// <summary>A position in a ranking: higher score first, then post id in ordinal order for ties.</summary>
internal readonly record struct RankEntry(double Score, string PostId) : IComparable<RankEntry>
{
    public int CompareTo(RankEntry other)
    {
        var byScore = other.Score.CompareTo(Score);
        return byScore != 0 ? byScore : string.CompareOrdinal(PostId, other.PostId);
    }

    /// <summary>Orders ranked arms the same way.</summary>
    public static int Compare(RankedArm x, RankedArm y) =>
        new RankEntry(x.Score, x.Arm.PostId).CompareTo(new RankEntry(y.Score, y.Arm.PostId));
}
