using StackExchange.Redis;

namespace Bandit.Bench.Baselines.Redis;

/// <summary>
/// The arms as many teams would keep them in Redis: a hash of counts per post and one sorted set of posterior
/// means, both changed by one Lua script per event so that the two never disagree.
/// </summary>
internal sealed class RedisArms(IConnectionMultiplexer redis)
{
    public const string RankingKey = "bench:rank";

    // KEYS[1] the post's hash, KEYS[2] the ranking; ARGV[1] 'i' or 'c', ARGV[2] the post id.
    private const string ApplyScript = """
        redis.call('HINCRBY', KEYS[1], ARGV[1], 1)
        local counts = redis.call('HMGET', KEYS[1], 'i', 'c')
        local clicks = tonumber(counts[2]) or 0
        local alpha = 1 + clicks
        local beta = 1 + math.max(0, (tonumber(counts[1]) or 0) - clicks)
        redis.call('ZADD', KEYS[2], alpha / (alpha + beta), ARGV[2])
        return 1
        """;

    private static readonly RedisValue Impression = "i";
    private static readonly RedisValue Click = "c";

    private readonly IDatabase _database = redis.GetDatabase();
    private byte[] _scriptHash = [];

    public static RedisKey ArmKey(string postId) => "bench:arm:" + postId;

    /// <summary>Loads the script once, so each event sends its hash (EVALSHA), not its text.</summary>
    public async Task LoadAsync()
    {
        var server = redis.GetServer(redis.GetEndPoints()[0]);
        _scriptHash = await server.ScriptLoadAsync(ApplyScript);
    }

    /// <summary>Sends one script call per record without waiting: the multiplexer pipelines them.</summary>
    public Task ApplyAsync(List<ClickRecord> batch)
    {
        var calls = new Task[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            var record = batch[i];
            calls[i] = _database.ScriptEvaluateAsync(
                _scriptHash,
                [ArmKey(record.PostId), RankingKey],
                [record.IsClick ? Click : Impression, record.PostId]);
        }

        return Task.WhenAll(calls);
    }

    public async Task<List<(string PostId, long Impressions, long Clicks, double Score)>> TopAsync(int k)
    {
        var leaders = await _database.SortedSetRangeByRankWithScoresAsync(RankingKey, 0, k - 1, Order.Descending);
        var counts = leaders
            .Select(l => _database.HashGetAsync(ArmKey(l.Element!), [Impression, Click]))
            .ToArray();
        await Task.WhenAll(counts);
        return leaders
            .Select((l, i) => ((string)l.Element!, Count(counts[i].Result[0]), Count(counts[i].Result[1]), l.Score))
            .ToList();
    }

    private static long Count(RedisValue value) => value.IsNull ? 0 : (long)value;
}
