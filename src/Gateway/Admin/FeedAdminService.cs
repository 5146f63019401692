using System.Globalization;
using Bandit.Contracts;
using Bandit.Contracts.Gateway.V1;
using Bandit.Gateway.Services;
using Bandit.Grains;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace Bandit.Gateway.Admin;

/// <summary>Moderation and the batch side: retire posts, export snapshots, import priors and arms.</summary>
internal sealed class FeedAdminService(
    IGrainFactory grains,
    IOptions<ClickStreamOptions> streamOptions,
    TimeProvider timeProvider,
    ILogger<FeedAdminService> logger) : FeedAdmin.FeedAdminBase
{
    /// <summary>Most arms one ImportArms call takes.</summary>
    public const int MaxImportArms = 10_000;

    /// <summary>Arms per chunk of an exported snapshot.</summary>
    public const int ChunkSize = 500;

    public override async Task<RemovePostReply> RemovePost(RemovePostRequest request, ServerCallContext context)
    {
        RequestValidation.PostId(request.PostId);

        var wasKnown = await CallClusterAsync(
            "RemovePost",
            () => grains.GetGrain<IPostArmGrain>(request.PostId).RemoveAsync());
        GatewayLog.PostRetired(logger, request.PostId);
        return new RemovePostReply { PostId = request.PostId, WasKnown = wasKnown };
    }

    public override async Task ExportSnapshot(
        ExportSnapshotRequest request,
        IServerStreamWriter<SnapshotChunk> responseStream,
        ServerCallContext context)
    {
        var partitions = streamOptions.Value.Partitions;
        var cutId = Guid.CreateVersion7().ToString("N");
        var offsets = await CallClusterAsync("ExportSnapshot", () => Task.WhenAll(Enumerable.Range(0, partitions)
            .Select(p => grains.GetGrain<IPartitionIngestGrain>(p.ToString(CultureInfo.InvariantCulture)))
            .Select(ingest => ingest.BeginCutAsync(cutId))));
        var cut = new SnapshotCut(cutId, offsets);

        var header = new SnapshotHeader
        {
            CutId = cutId,
            TakenAtUnixMs = timeProvider.GetUtcNow().ToUnixTimeMilliseconds(),
        };
        for (var p = 0; p < partitions; p++)
        {
            header.Partitions.Add(new PartitionProgress { Partition = p, AppliedOffset = offsets[p] });
        }

        var cancel = context.CancellationToken;
        await responseStream.WriteAsync(new SnapshotChunk { Header = header }, cancel);
        var chunk = new SnapshotChunk();
        var total = 0;
        for (var bucket = 0; bucket < PostSharding.DirectoryBuckets; bucket++)
        {
            var arms = await CallClusterAsync("ExportSnapshot", () => ReadBucketAsync(bucket, cut));
            foreach (var arm in arms)
            {
                chunk.Arms.Add(ArmRecords.ToRecord(arm));
                total++;
                if (chunk.Arms.Count == ChunkSize)
                {
                    await responseStream.WriteAsync(chunk, cancel);
                    chunk = new SnapshotChunk();
                }
            }
        }

        if (chunk.Arms.Count > 0)
        {
            await responseStream.WriteAsync(chunk, cancel);
        }

        GatewayLog.SnapshotExported(logger, cutId, total, partitions);
    }

    public override async Task<ImportArmsReply> ImportArms(ImportArmsRequest request, ServerCallContext context)
    {
        RequestValidation.Range(request.Arms.Count, 1, MaxImportArms, "arms (count)");
        for (var i = 0; i < request.Arms.Count; i++)
        {
            ImportValidation.Validate(request.Arms[i], $"arms[{i}]");
        }

        var outcomes = await CallClusterAsync("ImportArms", () => Task.WhenAll(request.Arms.Select(ImportOneAsync)));

        var reply = new ImportArmsReply { Imported = outcomes.Count(o => o is null) };
        for (var i = 0; i < outcomes.Length; i++)
        {
            if (outcomes[i] is { } reason)
            {
                reply.Problems.Add(new ImportProblem { PostId = request.Arms[i].PostId, Reason = reason });
            }
        }

        GatewayLog.ArmsImported(logger, reply.Imported, reply.Problems.Count);
        return reply;
    }

    // Null when imported, else why not.
    private async Task<string?> ImportOneAsync(ImportedArm imported)
    {
        var arm = grains.GetGrain<IPostArmGrain>(imported.PostId);
        switch (imported.ValueCase)
        {
            case ImportedArm.ValueOneofCase.Prior:
                await arm.RegisterAsync(new ArmPrior(imported.Prior.Alpha, imported.Prior.Beta));
                return null;
            case ImportedArm.ValueOneofCase.Counts:
                await arm.RegisterAsync(ImportValidation.PriorOf(imported.Counts));
                return null;
            default:
                var record = imported.Arm.Clone();
                record.PostId = imported.PostId;
                return await arm.RestoreAsync(ArmRecords.ToSnapshot(record)) is null
                    ? "the post already counted events of this cluster's click topic; import it as a prior instead"
                    : null;
        }
    }

    private async Task<ArmSnapshot[]> ReadBucketAsync(int bucket, SnapshotCut cut)
    {
        var read = await grains.GetGrain<IPostDirectoryGrain>(bucket).GetAtCutAsync(cut);
        if (read.Superseded)
        {
            throw new RpcException(new Status(
                StatusCode.Aborted,
                "another snapshot started while this one was being read, so this one can no longer be consistent; "
                + "take it again"));
        }

        return [.. read.Arms.OrderBy(a => a.PostId, StringComparer.Ordinal)];
    }

    private async Task<T> CallClusterAsync<T>(string operation, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception ex) when (ex is OrleansException or TimeoutException or SiloUnavailableException)
        {
            GatewayLog.ClusterCallFailed(logger, operation, ex);
            throw new RpcException(new Status(StatusCode.Unavailable, "the cluster did not answer; retry later"));
        }
    }
}
