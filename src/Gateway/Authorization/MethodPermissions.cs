namespace Bandit.Gateway.Authorization;

/// <summary>
/// The permission each gRPC method of FeedRanking and FeedAdmin needs. A method not listed needs
/// <see cref="Permissions.Admin"/>: every FeedAdmin call (RemovePost, ExportSnapshot, ImportArms) does, and a call
/// added later stays closed until someone decides otherwise here.
/// </summary>
internal static class MethodPermissions
{
    private static readonly Dictionary<string, string> ByMethod = new(StringComparer.Ordinal)
    {
        ["RecordImpression"] = Permissions.EventsWrite,
        ["RecordClick"] = Permissions.EventsWrite,
        ["GetTopK"] = Permissions.RankingsRead,
        ["GetArm"] = Permissions.RankingsRead,
        ["GetIngestProgress"] = Permissions.RankingsRead,
        ["WatchTopK"] = Permissions.RankingsRead,
        ["RegisterPost"] = Permissions.Admin,
    };

    public static string Of(string methodName) =>
        ByMethod.TryGetValue(methodName, out var permission) ? permission : Permissions.Admin;
}
