using System.Globalization;
using Bandit.Contracts.Gateway.V1;
using Grpc.Core;

namespace Bandit.Tools.Snapshot;

/// <summary>Exports and imports arms through the gateway's admin service.</summary>
internal static class SnapshotClient
{
    /// <summary>Arms per ImportArms call (the service takes up to 10,000).</summary>
    public const int ImportBatch = 2000;

    /// <summary>Every arm, sorted by post id, with the cut it is consistent as of.</summary>
    public static async Task<(SnapshotManifest Manifest, List<SnapshotRow> Rows)> ExportAsync(
        FeedAdmin.FeedAdminClient client,
        Action<int>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);

        using var call = client.ExportSnapshot(new ExportSnapshotRequest(), cancellationToken: cancellationToken);
        SnapshotHeader? header = null;
        var rows = new List<SnapshotRow>();
        await foreach (var chunk in call.ResponseStream.ReadAllAsync(cancellationToken))
        {
            header ??= chunk.Header;
            rows.AddRange(chunk.Arms.Select(SnapshotRows.From));
            progress?.Invoke(rows.Count);
        }

        if (header is null)
        {
            throw new InvalidOperationException("the gateway sent no snapshot header");
        }

        rows.Sort((a, b) => string.CompareOrdinal(a.PostId, b.PostId));
        var offsets = header.Partitions.OrderBy(p => p.Partition).Select(p => p.AppliedOffset).ToArray();
        return (new SnapshotManifest(header.CutId, header.TakenAtUnixMs, offsets, rows.Count), rows);
    }

    /// <summary>Imports in batches; returns how many were imported and the problems the service reported.</summary>
    public static async Task<(int Imported, List<ImportProblem> Problems)> ImportAsync(
        FeedAdmin.FeedAdminClient client,
        IReadOnlyList<ImportedArm> arms,
        Action<int>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(arms);

        var imported = 0;
        var problems = new List<ImportProblem>();
        for (var start = 0; start < arms.Count; start += ImportBatch)
        {
            var request = new ImportArmsRequest();
            request.Arms.AddRange(arms.Skip(start).Take(ImportBatch));
            ImportArmsReply reply;
            try
            {
                reply = await client.ImportArmsAsync(request, cancellationToken: cancellationToken);
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.InvalidArgument)
            {
                // The service checks one call at a time: say which file row failed and what is already in.
                var match = System.Text.RegularExpressions.Regex.Match(ex.Status.Detail, @"^arms\[(\d+)\]");
                var row = match.Success
                    ? start + int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) + 1
                    : -1;
                throw new InvalidOperationException(
                    (row > 0 ? $"data row {row}: " : "") + ex.Status.Detail
                    + $" (nothing of rows {start + 1} to {Math.Min(arms.Count, start + ImportBatch)} was imported; "
                    + $"the {start} rows before them were)", ex);
            }

            imported += reply.Imported;
            problems.AddRange(reply.Problems);
            progress?.Invoke(Math.Min(arms.Count, start + ImportBatch));
        }

        return (imported, problems);
    }
}
