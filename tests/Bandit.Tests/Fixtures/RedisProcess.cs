using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace Bandit.Tests.Fixtures;

/// <summary>
/// A redis-server a test can stop and start again on the same port without losing data: an append-only file
/// fsynced on every write, in a directory of its own. <see cref="RedisServer"/> keeps nothing, so a restart
/// of it would be a Redis that lost every arm, which is another fault than an outage.
/// </summary>
internal sealed class RedisProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(20);

    private readonly string _directory = Directory.CreateTempSubdirectory("bandit-redis-").FullName;
    private readonly ITestOutputHelper _output;
    private ChildProcess? _process;

    public RedisProcess(ITestOutputHelper output)
    {
        ArgumentNullException.ThrowIfNull(output);

        _output = output;
        Log = new ProcessLog($"redis-server :{Port}");
    }

    public int Port { get; } = FreePort.Next();

    public string ConnectionString => $"127.0.0.1:{Port}";

    public ProcessLog Log { get; }

    /// <summary>Starts redis-server (again) on <see cref="Port"/> and waits until it answers PING.</summary>
    public async Task StartAsync()
    {
        if (_process is { HasExited: false })
        {
            throw new InvalidOperationException("redis-server is already running");
        }

        _process?.Dispose();

        var start = new ProcessStartInfo("redis-server");
        string[] arguments =
        [
            "--port", Port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--dir", _directory,
            "--appendonly", "yes", "--appendfsync", "always", "--save", "",
        ];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            _process = ChildProcess.Start(start, Log);
        }
        catch (Win32Exception ex)
        {
            throw new InvalidOperationException(
                "redis-server is not installed (apt-get install redis-server)", ex);
        }

        await Eventually.ReturnsAsync(PingAsync, ok => ok, StartTimeout, "redis-server answering PING");
    }

    /// <summary>SIGTERM: Redis closes its clients, syncs the append-only file and exits.</summary>
    public async Task StopAsync()
    {
        var process = _process ?? throw new InvalidOperationException("redis-server is not running");
        if (!await process.TerminateAsync(StopTimeout))
        {
            throw new TimeoutException(
                $"redis-server did not exit within {StopTimeout.TotalSeconds:0}s of SIGTERM");
        }

        _process = null;
    }

    public ValueTask DisposeAsync()
    {
        _process?.Dispose();
        _process = null;
        Log.WriteTo(_output, lastLines: 60);
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is no reason to fail a test.
        }

        return ValueTask.CompletedTask;
    }

    private async Task<bool> PingAsync()
    {
        try
        {
            using var connection = await ConnectionMultiplexer.ConnectAsync(
                ConnectionString + ",connectTimeout=500,abortConnect=true");
            await connection.GetDatabase().PingAsync();
            return true;
        }
        catch (RedisException)
        {
            // Not listening yet, or still loading the append-only file.
            return false;
        }
    }
}
