using System.Diagnostics;
using StackExchange.Redis;

namespace Bandit.Tests.Fixtures;

/// <summary>A real redis-server on 127.0.0.1 and a free port, without persistence, for one test run.</summary>
public sealed class RedisServer : IAsyncLifetime
{
    private readonly string? _password;
    private Process? _process;

    public RedisServer()
    {
    }

    /// <summary>A server that requires <paramref name="password"/> (redis-server --requirepass).</summary>
    internal RedisServer(string password)
    {
        _password = password;
    }

    public int Port { get; } = FreePort.Next();

    /// <summary>With the password when the server requires one (redis-server --requirepass).</summary>
    public string ConnectionString =>
        _password is null ? $"127.0.0.1:{Port}" : $"127.0.0.1:{Port},password={_password}";

    public async Task InitializeAsync()
    {
        var start = new ProcessStartInfo("redis-server")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        string[] arguments = ["--port", Port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"];
        if (_password is not null)
        {
            arguments = [.. arguments, "--requirepass", _password];
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            _process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("redis-server is not installed (apt-get install redis-server)", ex);
        }

        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await Eventually.ReturnsAsync(Ping, ok => ok, TimeSpan.FromSeconds(20), "redis-server answering PING");
    }

    public Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            _process.WaitForExit(5000);
        }

        _process?.Dispose();
        return Task.CompletedTask;
    }

    private async Task<bool> Ping()
    {
        try
        {
            using var connection = await ConnectionMultiplexer.ConnectAsync(
                ConnectionString + ",connectTimeout=500,abortConnect=true");
            await connection.GetDatabase().PingAsync();
            return true;
        }
        catch (RedisConnectionException)
        {
            return false;
        }
    }
}
