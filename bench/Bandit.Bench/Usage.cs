namespace Bandit.Bench;

/// <summary>The help text of bandit-bench.</summary>
internal static class Usage
{
    public const string Text =
        "Usage: bandit-bench <run|preload|serve-memory|serve-redis> [--option value ...]\n"
        + "  run           the whole suite (bench/run.sh calls it; see there for the knobs)\n"
        + "  preload       fill a topic: --bootstrap --topic --partitions --arms --events [--seed]\n"
        + "  serve-memory  the in-memory baseline: --bootstrap --topic --partitions --group --grpc-port\n"
        + "  serve-redis   the Redis baseline: the same plus --redis HOST:PORT";
}
