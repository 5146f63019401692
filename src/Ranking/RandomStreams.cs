namespace Bandit.Ranking;

/// <summary>
/// Independent, reproducible random streams from one request seed: one per shard and one for the merge, so
/// that a seeded ranking comes out the same however the shards are spread over silos.
/// </summary>
public static class RandomStreams
{
    /// <summary>Stream number of the merge step.</summary>
    public const int Merge = -1;

    /// <summary>The random source of <paramref name="stream"/> under <paramref name="seed"/>.</summary>
    public static Random For(ulong seed, int stream)
    {
        // SplitMix64 finalizer: neighbouring seeds and streams give unrelated states.
        var z = seed + 0x9E3779B97F4A7C15UL * (ulong)(uint)(stream + 2);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return new Random(unchecked((int)z ^ (int)(z >> 32)));
    }
}
