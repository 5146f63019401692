using Bandit.Grains;
using Bandit.Ranking;
using BenchmarkDotNet.Attributes;

namespace Bandit.Bench.Micro;

/// <summary>
/// A ranker shard's book at 1e5 and 1e6 arms: taking one arm's newer state, and answering k = 10 by posterior
/// mean and by Thompson sampling.
/// </summary>
public class ArmBookBenchmarks
{
    private const int K = 10;

    // Filling a book of 1e6 arms takes seconds: every benchmark of one size shares the same book (in-process runs).
    private static readonly Dictionary<int, (ArmBook Book, ArmSnapshot[] Updates)> Books = [];

    private readonly Random _random = new(7);
    private ArmBook _book = null!;
    private ArmSnapshot[] _updates = [];
    private int _next;
    private static long s_version = 1;

    [Params(100_000, 1_000_000)]
    public int Arms { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        if (!Books.TryGetValue(Arms, out var built))
        {
            built = Build(Arms);
            Books[Arms] = built;
        }

        (_book, _updates) = built;
    }

    private static (ArmBook, ArmSnapshot[]) Build(int arms)
    {
        var random = new Random(3);
        var book = new ArmBook(new ArmBookSettings());
        for (var i = 0; i < arms; i++)
        {
            book.Upsert(Arm(i, random.Next(1, 2_000), 1));
        }

        // Pre-built updates, so the benchmark times the book and not the snapshot's allocation.
        var updates = Enumerable.Range(0, 4096).Select(i => Arm(random.Next(arms), random.Next(1, 2_000), 0)).ToArray();
        return (book, updates);
    }

    [Benchmark]
    public bool Upsert()
    {
        var update = _updates[_next++ & (_updates.Length - 1)];
        return _book.Upsert(update with { Version = ++s_version });
    }

    [Benchmark]
    public RankedArm[] TopByMean() => _book.TopByMean(K);

    [Benchmark]
    public RankedArm[] SampleTop() => _book.SampleTop(K, _random);

    private static ArmSnapshot Arm(int index, int impressions, long version)
    {
        var clicks = impressions / 20;
        return new ArmSnapshot($"a{index:D7}", 1, 1, impressions, clicks, 0, version, impressions, clicks);
    }
}
