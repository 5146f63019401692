using System.Buffers;
using System.Net;
using System.Net.Sockets;

namespace Bandit.DevBroker;

/// <summary>One accepted connection of a <see cref="TcpForwarder"/> and its upstream twin.</summary>
internal sealed class TcpRelay
{
    private const int BufferSize = 64 * 1024;

    // How long a connection that stays silent may hold the connect gate.
    private static readonly TimeSpan AcceptProofTimeout = TimeSpan.FromMilliseconds(100);

    private readonly Socket _client;
    private readonly Socket _upstream;
    private readonly IPEndPoint _target;
    private readonly SemaphoreSlim _connectGate;
    private readonly TaskCompletionSource _upstreamAnswered =
        new(TaskCreationOptions.RunContinuationsAsynchronously);

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

    /// <summary>
    /// Connects upstream and copies bytes both ways until both sides are done. The connect gate is
    /// held until the broker has answered once (or briefly, if the client stays silent): a finished
    /// handshake does not mean the broker has accepted, and its accept queue is tiny.
    /// </summary>
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
            _ = ReleaseGateWhenAcceptedAsync();
            await _upstream.ConnectAsync(_target).ConfigureAwait(false);
            await Task.WhenAll(PumpAsync(_client, _upstream), PumpAsync(_upstream, _client))
                .ConfigureAwait(false);
        }
        catch (Exception ex) when (IsConnectionFailure(ex))
        {
            // The broker is gone or the relay was aborted: the client sees its connection close.
        }
        finally
        {
            _upstreamAnswered.TrySetResult();
            Abort();
        }
    }

    private async Task ReleaseGateWhenAcceptedAsync()
    {
        await _upstreamAnswered.Task.WaitAsync(AcceptProofTimeout)
            .ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _connectGate.Release();
    }

    private async Task PumpAsync(Socket from, Socket to)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            while (true)
            {
                var read = await from.ReceiveAsync(buffer, SocketFlags.None).ConfigureAwait(false);
                if (from == _upstream)
                {
                    _upstreamAnswered.TrySetResult();
                }

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
