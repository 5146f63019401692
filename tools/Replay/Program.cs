using System.Globalization;
using Bandit.ClickLogs;
using Bandit.Contracts.Gateway.V1;
using Bandit.Tools.Replay;
using Confluent.Kafka;
using Grpc.Core;
using Grpc.Net.Client;

if (args.Length == 0 || args.Contains("--help") || args.Contains("-h"))
{
    Console.WriteLine(ReplayArguments.Usage);
    return args.Length == 0 ? 2 : 0;
}

ReplayArguments arguments;
try
{
    arguments = ReplayArguments.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine($"bandit-replay: {ex.Message}");
    Console.Error.WriteLine(ReplayArguments.Usage);
    return 2;
}

if (!File.Exists(arguments.File))
{
    Console.Error.WriteLine($"bandit-replay: no such file: {arguments.File}");
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

try
{
    // The log is read whole and checked before anything is published, so a bad line never leaves half a log
    // counted, and what is published is exactly what was checked even if the file changes meanwhile.
    var rows = ClickLogReader.Read(arguments.File, arguments.Prefix).ToList();
    if (ClickTopicProbe.PartitionsOf(arguments.Bootstrap, arguments.Topic, TimeSpan.FromSeconds(15)) is null)
    {
        Console.Error.WriteLine($"bandit-replay: topic '{arguments.Topic}' does not exist at {arguments.Bootstrap}");
        return 1;
    }

    // Every replay counts: ask the gateway first, so a wrong address fails before anything is published.
    using var channel = GrpcChannel.ForAddress(
        arguments.Gateway,
        GatewayKey.ChannelOptions(new Uri(arguments.Gateway)));
    var client = new FeedRanking.FeedRankingClient(channel);
    await client.GetIngestProgressAsync(
        new GetIngestProgressRequest(),
        deadline: DateTime.UtcNow.AddSeconds(15),
        cancellationToken: cancel.Token);

    Console.Error.WriteLine(
        $"checked {rows.Count:N0} rows; publishing to {arguments.Topic} at {arguments.Bootstrap} "
        + $"(run {arguments.RunId})");
    var publisher = new ClickLogPublisher(arguments.Bootstrap, arguments.Topic);
    var summary = publisher.Publish(
        rows,
        arguments.RunId,
        p => Console.Error.Write(
            $"\r  rows {p.Rows,9:N0}  events {p.Produced,9:N0}  acked {p.Acknowledged,9:N0}  failed {p.Failed:N0}   "),
        cancel.Token);
    Console.Error.WriteLine();
    if (summary.Progress.Failed > 0)
    {
        Console.Error.WriteLine(
            $"bandit-replay: the broker did not acknowledge {summary.Progress.Failed} events; nothing waits for them");
        return 1;
    }

    Console.Error.WriteLine(
        $"acknowledged {summary.Progress.Acknowledged:N0} events ({summary.Clicks:N0} clicks) "
        + $"from {summary.Progress.Rows:N0} rows "
        + $"in {summary.Elapsed.TotalSeconds:0.00}s; waiting for the service to apply them");

    await IngestWaiter.WaitAsync(
        client,
        summary.LastOffsets,
        arguments.Timeout,
        remaining => Console.Error.Write($"\r  records still to apply: {remaining,9:N0}   "),
        cancel.Token);
    Console.Error.WriteLine();

    var request = new GetTopKRequest { K = arguments.Top, Policy = arguments.Policy };
    var top = await client.GetTopKAsync(request, cancellationToken: cancel.Token);
    Console.WriteLine($"top {top.Posts.Count} by {top.Policy}:");
    Console.WriteLine($"{"rank",4}  {"post",-24} {"impressions",11} {"clicks",7} {"mean",9} {"score",9}");
    foreach (var post in top.Posts)
    {
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{post.Rank,4}  {post.PostId,-24} {post.Impressions,11} {post.Clicks,7} "
            + $"{post.PosteriorMean,9:0.000000} {post.Score,9:0.000000}"));
    }

    return 0;
}
catch (ClickLogFormatException ex)
{
    Console.Error.WriteLine($"\nbandit-replay: {arguments.File}: {ex.Message}");
    return 1;
}
catch (RpcException ex)
{
    Console.Error.WriteLine(
        $"\nbandit-replay: gateway {arguments.Gateway}: {ex.Status.StatusCode}: {ex.Status.Detail}");
    return 1;
}
catch (KafkaException ex)
{
    Console.Error.WriteLine($"\nbandit-replay: Kafka at {arguments.Bootstrap}: {ex.Error.Reason}");
    return 1;
}
catch (TimeoutException ex)
{
    Console.Error.WriteLine($"\nbandit-replay: {ex.Message}");
    return 1;
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine("\nbandit-replay: cancelled");
    return 130;
}
