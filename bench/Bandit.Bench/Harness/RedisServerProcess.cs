using System.Diagnostics;
using System.Globalization;
using StackExchange.Redis;

namespace Bandit.Bench.Harness;

/// <summary>
/// A redis-server of the bench's own on a free port, no persistence, daemonized with a pidfile so that it is
/// stopped by that PID. Emptied between system runs.
/// </summary>
internal sealed class RedisServerProcess : IAsyncDisposable
{
    private readonly string _pidFile;
    private readonly ConnectionMultiplexer _admin;

    private RedisServerProcess(int port, string pidFile, ConnectionMultiplexer admin)
    {
        Port = port;
        _pidFile = pidFile;
        _admin = admin;
    }

    public int Port { get; }

    public string Endpoint => $"127.0.0.1:{Port}";

    public int Pid => int.Parse(File.ReadAllText(_pidFile).Trim(), CultureInfo.InvariantCulture);

    public static async Task<RedisServerProcess> StartAsync(string workDirectory)
    {
        var port = FreePorts.Next();
        var pidFile = Path.Combine(workDirectory, $"redis-{port}.pid");
        using (var start = Process.Start("redis-server", [
            "--port", $"{port}", "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
            "--daemonize", "yes", "--pidfile", pidFile, "--dir", workDirectory,
            "--logfile", Path.Combine(workDirectory, "redis.log")]))
        {
            await start.WaitForExitAsync();
        }

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            try
            {
                var admin = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{port},allowAdmin=true");
                var server = new RedisServerProcess(port, pidFile, admin);
                ChildRegistry.Add(server.Pid, "redis-server");
                return server;
            }
            catch (RedisConnectionException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }

    /// <summary>FLUSHALL: every system run starts from an empty store.</summary>
    public Task FlushAsync() => _admin.GetServer(Endpoint).FlushAllDatabasesAsync();

    /// <summary>INFO memory used_memory, in bytes.</summary>
    public async Task<double> UsedMemoryAsync()
    {
        var info = await _admin.GetServer(Endpoint).InfoAsync("memory");
        var used = info.SelectMany(g => g).First(p => p.Key == "used_memory").Value;
        return double.Parse(used, CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        var pid = File.Exists(_pidFile) ? Pid : 0;
        await _admin.DisposeAsync();
        if (pid > 0)
        {
            ChildRegistry.Remove(pid);
            using var kill = Process.Start("kill", ["-TERM", pid.ToString(CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
        }
    }
}
