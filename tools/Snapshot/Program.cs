using Bandit.Contracts.Gateway.V1;
using Bandit.Tools.Snapshot;
using Grpc.Core;
using Grpc.Net.Client;

// bandit-snapshot export|import: the batch side of the service, through the gateway's admin API.
const string Usage = """
    usage:
      bandit-snapshot export [--gateway URL] [--out STEM]
          writes STEM.parquet, STEM.csv and STEM.manifest.json (default STEM: snapshot-<cut time>)
      bandit-snapshot import [--gateway URL] [--mode arm|prior|counts] FILE.parquet|FILE.csv
          arm: whole arms from a snapshot; prior: columns alpha, beta; counts: columns impressions, clicks
          (taken as the prior Beta(1 + clicks, 1 + impressions - clicks)); by default the columns decide
      --gateway defaults to http://127.0.0.1:5000
    """;

if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.WriteLine(Usage);
    return args.Length == 0 ? 2 : 0;
}

string gateway = "http://127.0.0.1:5000", outStem = "";
ImportMode? mode = null;
var files = new List<string>();
for (var i = 1; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--gateway" when i + 1 < args.Length:
            gateway = args[++i];
            break;
        case "--out" when i + 1 < args.Length:
            outStem = args[++i];
            break;
        case "--mode" when i + 1 < args.Length && Enum.TryParse<ImportMode>(args[i + 1], true, out var m):
            mode = m;
            i++;
            break;
        case var a when a.StartsWith("--", StringComparison.Ordinal):
            Console.Error.WriteLine($"bandit-snapshot: unknown or incomplete option {a}\n{Usage}");
            return 2;
        default:
            files.Add(args[i]);
            break;
    }
}

using var channel = GrpcChannel.ForAddress(gateway, new GrpcChannelOptions { MaxReceiveMessageSize = 64 << 20 });
var client = new FeedAdmin.FeedAdminClient(channel);
try
{
    switch (args[0])
    {
        case "export":
            var (manifest, rows) = await SnapshotClient.ExportAsync(
                client, n => Console.Error.Write($"\rexported {n:N0} arms "), CancellationToken.None);
            Console.Error.WriteLine();
            var stem = outStem.Length > 0
                ? outStem
                : $"snapshot-{DateTimeOffset.FromUnixTimeMilliseconds(manifest.TakenAtUnixMs):yyyyMMdd-HHmmss}";
            var written = await SnapshotFiles.WriteAsync(stem, manifest, rows, CancellationToken.None);
            Console.WriteLine($"{rows.Count} arms as of offsets {manifest.OffsetsText} (cut {manifest.CutId})");
            Console.WriteLine(string.Join(Environment.NewLine, written));
            return 0;
        case "import" when files.Count == 1:
            var table = await SnapshotFiles.ReadTableAsync(files[0], CancellationToken.None);
            var imports = ImportTable.ToImports(table, mode);
            var (imported, problems) = await SnapshotClient.ImportAsync(
                client,
                imports,
                n => Console.Error.Write($"\rsent {n:N0} of {imports.Count:N0}"),
                CancellationToken.None);
            Console.Error.WriteLine();
            foreach (var problem in problems)
            {
                Console.WriteLine($"refused {problem.PostId}: {problem.Reason}");
            }

            Console.WriteLine($"imported {imported} of {imports.Count} arms");
            return problems.Count == 0 ? 0 : 1;
        default:
            Console.Error.WriteLine(Usage);
            return 2;
    }
}
catch (RpcException ex)
{
    Console.Error.WriteLine($"bandit-snapshot: the gateway answered {ex.StatusCode}: {ex.Status.Detail}");
    return 1;
}
catch (Exception ex) when (ex is FormatException or IOException or InvalidOperationException)
{
    Console.Error.WriteLine($"bandit-snapshot: {ex.Message}");
    return 1;
}
