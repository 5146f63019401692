using Microsoft.Extensions.Options;
using Orleans.Configuration;
using StackExchange.Redis;

namespace Bandit.Grains.Arms.Storage;

/// <summary>
/// Arms in Redis: one hash per shard (<c>{ServiceId}/arms/{shard}</c>), a field per post holding its
/// <see cref="ArmStateCodec"/> record, and the field <c>~version</c> (never a post id) for optimistic
/// concurrency. A write is one script: check the version, set every record, bump the version.
/// </summary>
public sealed class RedisArmStore(ConfigurationOptions redis, IOptions<ClusterOptions> cluster)
    : IArmStore, IAsyncDisposable
{
    private const string VersionField = "~version";
    private const int ScanPageSize = 4096;

    // Fields are set in chunks: Lua's unpack has a limit on how many values it spreads at once.
    private const string WriteScript = """
        local stored = tonumber(redis.call('HGET', KEYS[1], '~version') or '0')
        if stored ~= tonumber(ARGV[1]) then
          return -1
        end
        local last = #ARGV
        local first = 2
        while first <= last do
          local upto = math.min(first + 1999, last)
          redis.call('HSET', KEYS[1], unpack(ARGV, first, upto))
          first = upto + 1
        end
        redis.call('HSET', KEYS[1], '~version', stored + 1)
        return stored + 1
        """;

    private readonly Lazy<Task<ConnectionMultiplexer>> _connection =
        new(() => ConnectionMultiplexer.ConnectAsync(redis.Clone()));

    /// <inheritdoc/>
    public async Task<StoredShard> LoadAsync(int shard, CancellationToken cancellationToken = default)
    {
        var database = (await _connection.Value).GetDatabase();
        var key = KeyOf(shard);
        var stored = await database.HashGetAsync(key, VersionField);
        var version = stored.IsNull ? 0
            : stored.TryParse(out long parsed) ? parsed
            : throw new FormatException($"Field '{VersionField}' of '{key}' holds '{stored}', not a version number.");
        var records = new List<KeyValuePair<string, byte[]>>();
        await foreach (var entry in database.HashScanAsync(key, pageSize: ScanPageSize)
            .WithCancellation(cancellationToken))
        {
            var field = (string)entry.Name!;
            if (field != VersionField)
            {
                records.Add(new(field, (byte[])entry.Value!));
            }
        }

        return new StoredShard(version, records);
    }

    /// <inheritdoc/>
    public async Task<long> WriteAsync(int shard, long version, IReadOnlyList<KeyValuePair<string, byte[]>> records)
    {
        ArgumentNullException.ThrowIfNull(records);

        var arguments = new RedisValue[1 + 2 * records.Count];
        arguments[0] = version;
        for (var i = 0; i < records.Count; i++)
        {
            arguments[1 + 2 * i] = records[i].Key;
            arguments[2 + 2 * i] = records[i].Value;
        }

        var database = (await _connection.Value).GetDatabase();
        var result = (long)await database.ScriptEvaluateAsync(WriteScript, [KeyOf(shard)], arguments);
        return result < 0 ? throw new ArmStoreConflictException() : result;
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (_connection.IsValueCreated)
        {
            try
            {
                await (await _connection.Value).DisposeAsync();
            }
            catch (RedisConnectionException)
            {
                // Never connected: nothing to close.
            }
        }
    }

    private RedisKey KeyOf(int shard) => $"{cluster.Value.ServiceId}/arms/{shard}";
}
