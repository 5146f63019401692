namespace Bandit.Bench.Baselines;

/// <summary>Where a baseline reads the click stream from and where it answers.</summary>
internal sealed record BaselineSettings(
    string BootstrapServers,
    string Topic,
    int Partitions,
    string ConsumerGroup,
    int GrpcPort,
    string RedisEndpoint)
{
    public static BaselineSettings From(CommandLine line) => new(
        line.Text("bootstrap"),
        line.Text("topic"),
        (int)line.Number("partitions"),
        line.Text("group", "bench-baseline"),
        (int)line.Number("grpc-port"),
        line.Text("redis", ""));
}
