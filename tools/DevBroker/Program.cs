using System.Net.Sockets;
using System.Runtime.InteropServices;
using Bandit.DevBroker;
using Bandit.Tools.DevBroker;

if (args is ["--help"] or ["-h"])
{
    Console.WriteLine(DevBrokerArguments.Usage);
    return 0;
}

if (!DevBrokerArguments.TryParse(args, out var parsed, out var error))
{
    Console.Error.WriteLine($"bandit-devbroker: {error}");
    Console.Error.WriteLine(DevBrokerArguments.Usage);
    return 2;
}

var options = new MockKafkaClusterOptions { BrokerCount = parsed!.Brokers, Port = parsed.Port };
foreach (var topic in parsed.Topics)
{
    options.Topics.Add(new MockTopic(topic, parsed.Partitions));
}

var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
void OnSignal(PosixSignalContext context)
{
    // Shut down ourselves, so the cluster is disposed and the exit code is 0.
    context.Cancel = true;
    stop.TrySetResult();
}

using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);

MockKafkaCluster cluster;
try
{
    cluster = MockKafkaCluster.Start(options);
}
catch (SocketException ex)
{
    Console.Error.WriteLine($"bandit-devbroker: cannot listen on 127.0.0.1:{parsed.Port}: {ex.Message}");
    return 1;
}
catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
{
    Console.Error.WriteLine($"bandit-devbroker: cannot start the mock cluster: {ex.Message}");
    return ex is ArgumentException ? 2 : 1;
}

await using (cluster)
{
    Console.Out.WriteLine($"bootstrap={cluster.BootstrapServers}");
    Console.Out.Flush();
    Console.Error.WriteLine(
        $"bandit-devbroker: {parsed.Brokers} broker(s), topics {string.Join(", ", parsed.Topics)} "
        + $"with {parsed.Partitions} partitions each; SIGINT or SIGTERM stops it.");

    await stop.Task;
}

return 0;
