using System.Buffers;
using System.Net;
using System.Net.Sockets;

namespace Bandit.DevBroker;

/// <summary>One accepted connection of a <see cref="TcpForwarder"/> and its upstream twin.</summary>
internal sealed class TcpRelay
{
    private const int BufferSize = 64 * 1024;

    private readonly Socket _client;
    private readonly Socket _upstream;
    private readonly IPEndPoint _target;
    private readonly SemaphoreSlim _connectGate;

    public TcpRelay(Socket client, IPEndPoint target, SemaphoreSlim connectGate)
    {
        _client = client;
        _target = target;
        _connectGate = connectGate;
        _upstream = new Socket(target.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        _client.NoDelay = true;
    }

    /// <summary>Completes once both sockets are closed; never faults.</summary>
    public Task Completion { get; private set; } = Task.CompletedTask;

    /// <summary>Connects upstream and copies bytes both ways until both sides are done.</summary>
    public Task Start() => Completion = RunAsync();

    /// <summary>Closes both sockets at once, which ends both copy loops.</summary>
    public void Abort()
    {
        _client.Dispose();
        _upstream.Dispose();
    }

    private async Task RunAsync()
    {
        try
        {
            await _connectGate.WaitAsync().ConfigureAwait(false);
            try
            {
                await _upstream.ConnectAsync(_target).ConfigureAwait(false);
            }
            finally
            {
                _connectGate.Release();
            }

            await Task.WhenAll(PumpAsync(_client, _upstream), PumpAsync(_upstream, _client))
                .ConfigureAwait(false);
        }
        catch (Exception ex) when (IsConnectionFailure(ex))
        {
            Console.Error.WriteLine("DEBUGRELAY run: " + ex.GetType().Name + " " + ex.Message);
            // The broker is gone or the relay was aborted: the client sees its connection close.
        }
        finally
        {
            Abort();
        }
    }

    private async Task PumpAsync(Socket from, Socket to)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            while (true)
            {
                var read = await from.ReceiveAsync(buffer, SocketFlags.None).ConfigureAwait(false);
                if (read == 0)
                {
                    // Pass the half-close on, so the peer can finish what it is sending.
                    to.Shutdown(SocketShutdown.Send);
                    return;
                }

                for (var sent = 0; sent < read;)
                {
                    sent += await to.SendAsync(buffer.AsMemory(sent, read - sent), SocketFlags.None)
                        .ConfigureAwait(false);
                }
            }
        }
        catch (Exception ex) when (IsConnectionFailure(ex))
        {
            Console.Error.WriteLine("DEBUGRELAY pump: " + ex.GetType().Name + " " + ex.Message);
            // A reset on one side must not leave the other side open.
            Abort();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static bool IsConnectionFailure(Exception ex) =>
        ex is SocketException or ObjectDisposedException or OperationCanceledException;
}
