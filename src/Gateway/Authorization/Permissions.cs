namespace Bandit.Gateway.Authorization;

/// <summary>
/// What a caller may do. Each permission stands alone: <see cref="Admin"/> does not imply the others, so a key
/// that registers posts cannot also write events unless it is given both.
/// </summary>
public static class Permissions
{
    /// <summary>RecordImpression and RecordClick.</summary>
    public const string EventsWrite = "events:write";

    /// <summary>GetTopK, GetArm and GetIngestProgress.</summary>
    public const string RankingsRead = "rankings:read";

    /// <summary>RegisterPost, every future admin call, and the Orleans dashboard.</summary>
    public const string Admin = "admin";

    /// <summary>Every permission there is.</summary>
    public static IReadOnlyList<string> All { get; } = [EventsWrite, RankingsRead, Admin];

    /// <summary>The authorization policy that requires <paramref name="permission"/>.</summary>
    public static string PolicyOf(string permission) => "bandit:" + permission;
}
