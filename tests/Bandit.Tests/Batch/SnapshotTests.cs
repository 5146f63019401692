using System.Globalization;
using Bandit.ClickLogs;
using Bandit.Contracts.Gateway.V1;
using Bandit.Grains;
using Bandit.Tests.Fixtures;
using Bandit.Tools.Snapshot;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Bandit.Tests.Batch;

/// <summary>Snapshot export and import through the admin API, on real silos, broker and Redis.</summary>
[Collection(GatewaySiloCollection.Name)]
public sealed class SnapshotTests(GatewaySiloFixture fixture, ITestOutputHelper output)
{
    private FeedRanking.FeedRankingClient Client => fixture.Silo.Client;

    [Fact]
    public async Task ExportThenImport_IntoAFreshCluster_ReproducesEveryArmExactly()
    {
        // Arrange: arms with events (clicks before impressions too), a registered prior and a retired post.
        var run = Guid.NewGuid().ToString("N")[..8];
        var replies = new List<RecordEventReply>();
        for (var i = 0; i < 12; i++)
        {
            var postId = $"snap-{run}-{i}";
            for (var n = 0; n < 1 + (i % 4); n++)
            {
                replies.Add(await Client.RecordImpressionAsync(new RecordEventRequest { PostId = postId }));
            }

            if (i % 3 == 0)
            {
                replies.Add(await Client.RecordClickAsync(new RecordEventRequest { PostId = postId }));
            }
        }

        await Client.RegisterPostAsync(new RegisterPostRequest
        {
            PostId = $"snap-{run}-registered",
            Beta = new BetaPrior { Alpha = 0.3, Beta = 7.25 },
        });
        await new FeedAdmin.FeedAdminClient(fixture.Silo.Channel)
            .RemovePostAsync(new RemovePostRequest { PostId = $"snap-{run}-5" });
        await IngestWaiter.WaitAsync(Client, Offsets(replies), TimeSpan.FromSeconds(30));
        var directory = Directory.CreateTempSubdirectory("bandit-snapshot-");

        // Act: export to Parquet and CSV; import the Parquet file into a fresh cluster; export that.
        var (manifest, exported) = await SnapshotClient.ExportAsync(
            new FeedAdmin.FeedAdminClient(fixture.Silo.Channel), null, default);
        var stem = Path.Combine(directory.FullName, "arms");
        var files = await SnapshotFiles.WriteAsync(stem, manifest, exported, default);
        var fromParquet = ImportTable.ToImports(await SnapshotFiles.ReadTableAsync(files[0], default), null);
        var fromCsv = ImportTable.ToImports(await SnapshotFiles.ReadTableAsync(files[1], default), null);
        // A process of its own: a second in-process host would share, and on disposal end, the first one's meters.
        await using var fresh = new SiloProcess(
            "fresh",
            new TestSiloSettings(
                fixture.Broker.BootstrapServers,
                fixture.Broker.CreateTopic(GatewaySiloFixture.Partitions),
                GatewaySiloFixture.Partitions,
                fixture.RedisConnectionString,
                "snapshot-import-" + run),
            output);
        await fresh.StartAsync();
        using var freshChannel = GrpcChannel.ForAddress($"http://127.0.0.1:{fresh.GrpcPort}");
        var freshAdmin = new FeedAdmin.FeedAdminClient(freshChannel);
        var (imported, problems) = await SnapshotClient.ImportAsync(freshAdmin, fromParquet, null, default);
        var (_, reExported) = await SnapshotClient.ExportAsync(freshAdmin, null, default);

        // Assert: every arm alike to the last bit, in both formats; the cut names every partition.
        Assert.Empty(problems);
        Assert.Equal(exported.Count, imported);
        Assert.Equal(fromParquet, fromCsv);
        Assert.Contains(exported, r => r.PostId == $"snap-{run}-5" && r.Retired);
        Assert.Contains(exported, r => r.PostId == $"snap-{run}-registered" && r.PriorSource == "EXPLICIT");
        Assert.Equal(GatewaySiloFixture.Partitions, manifest.Offsets.Length);
        Assert.Equal(Rows(exported), Rows(reExported));
        var arm = await fresh.Client.GetArmAsync(new GetArmRequest { PostId = $"snap-{run}-3" });
        Assert.Equal((4L, 1L), (arm.Impressions, arm.Clicks));
    }

    [Fact]
    public async Task Cut_EventsAfterIt_AreNotInTheArmAsOfTheCut()
    {
        // Arrange: a post with one impression, applied.
        var postId = "cut-" + Guid.NewGuid().ToString("N")[..10];
        var first = await Client.RecordImpressionAsync(new RecordEventRequest { PostId = postId });
        await IngestWaiter.WaitAsync(Client, Offsets([first]), TimeSpan.FromSeconds(30));
        var grains = fixture.Silo.Services.GetRequiredService<IGrainFactory>();
        var cutId = "test-" + Guid.NewGuid().ToString("N");

        // Act: cut every partition, then two more events arrive for the post.
        var offsets = await Task.WhenAll(Enumerable.Range(0, GatewaySiloFixture.Partitions).Select(p =>
            grains.GetGrain<IPartitionIngestGrain>(p.ToString(CultureInfo.InvariantCulture)).BeginCutAsync(cutId)));
        var later = new[]
        {
            await Client.RecordImpressionAsync(new RecordEventRequest { PostId = postId }),
            await Client.RecordClickAsync(new RecordEventRequest { PostId = postId }),
        };
        await IngestWaiter.WaitAsync(Client, Offsets(later), TimeSpan.FromSeconds(30));
        var atCut = await grains.GetGrain<IPostArmGrain>(postId).GetAtCutAsync(new SnapshotCut(cutId, offsets));
        var now = await grains.GetGrain<IPostArmGrain>(postId).GetAsync();

        // Assert: as of the cut, the first impression only; now, all three events.
        Assert.True(offsets[first.Partition] >= first.Offset);
        Assert.False(atCut.Superseded);
        Assert.Equal((1L, 0L), (atCut.Arm!.Impressions, atCut.Arm.Clicks));
        Assert.Equal((2L, 1L), (now!.Impressions, now.Clicks));
    }

    // Every column, so that equality means equal to the bit (doubles compare exactly).
    private static List<string> Rows(IEnumerable<SnapshotRow> rows) =>
    [
        .. rows.Select(r => string.Join('|', r.PostId, R(r.PriorAlpha), R(r.PriorBeta), r.Impressions, r.Clicks,
            R(r.Alpha), R(r.Beta), r.LastEventTimeUnixMs, R(r.EvidenceImpressions), R(r.EvidenceClicks),
            r.PriorSource, r.Retired)),
    ];

    private static string R(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static Dictionary<int, long> Offsets(IEnumerable<RecordEventReply> replies) =>
        replies.GroupBy(r => r.Partition).ToDictionary(g => g.Key, g => g.Max(r => r.Offset));
}
