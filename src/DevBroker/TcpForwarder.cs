using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Bandit.DevBroker;

/// <summary>
/// Listens on a fixed 127.0.0.1 port and relays every connection to one target. The mock brokers
/// only bind ephemeral ports, and clients need a bootstrap address that survives restarts.
/// </summary>
internal sealed class TcpForwarder : IDisposable, IAsyncDisposable
{
    // A mock broker listens with a backlog of 5 and accepts from the thread that serves every request.
    // A burst of connects overflows it and the kernel drops handshakes, which are retried after 1 s,
    // 3 s, 7 s... Fewer than 5 not-yet-accepted upstream connections keep a burst of 1,000 under 0.5 s.
    private const int MaxPendingConnects = 4;

    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(5);

    private readonly Socket _listener;
    private readonly IPEndPoint _target;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<TcpRelay, byte> _relays = new();
    private readonly SemaphoreSlim _connectGate = new(MaxPendingConnects);
    private readonly Task _acceptLoop;
    private int _disposed;

    private TcpForwarder(Socket listener, IPEndPoint target)
    {
        _listener = listener;
        _target = target;
        _acceptLoop = Task.Run(AcceptLoopAsync);
    }

    /// <summary>Binds 127.0.0.1:<paramref name="port"/> and relays to <paramref name="target"/>.</summary>
    /// <exception cref="SocketException">The port is taken or cannot be bound.</exception>
    public static TcpForwarder Start(int port, IPEndPoint target)
    {
        var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            // .NET already sets SO_REUSEADDR on Unix, so a new cluster can rebind while old relays sit
            // in TIME_WAIT. Setting ReuseAddress here would add SO_REUSEPORT: two live brokers on one port.
            listener.Bind(new IPEndPoint(IPAddress.Loopback, port));
            listener.Listen(512);
        }
        catch
        {
            listener.Dispose();
            throw;
        }

        return new TcpForwarder(listener, target);
    }

    /// <summary>Stops accepting, closes every relayed connection and waits for them to finish.</summary>
    public void Dispose()
    {
        if (BeginStop())
        {
            // Bounded, so a relay stuck in the kernel cannot hang the caller.
            _ = FinishStopAsync().Wait(DrainTimeout);
        }
    }

    /// <inheritdoc cref="Dispose"/>
    public async ValueTask DisposeAsync()
    {
        if (BeginStop())
        {
            try
            {
                await FinishStopAsync().WaitAsync(DrainTimeout).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // Same bound as Dispose: the sockets are closed, only their tasks are late.
            }
        }
    }

    private bool BeginStop()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return false;
        }

        _stopping.Cancel();
        _listener.Dispose();
        return true;
    }

    private async Task FinishStopAsync()
    {
        // Once the accept loop has ended no relay can be added behind our back.
        await _acceptLoop.ConfigureAwait(false);
        foreach (var relay in _relays.Keys)
        {
            relay.Abort();
        }

        await Task.WhenAll(_relays.Keys.Select(relay => relay.Completion)).ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptAsync(_stopping.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException) when (!_stopping.IsCancellationRequested)
            {
                // A client that reset before we accepted it, or a file-descriptor limit: keep serving.
                await Task.Delay(10).ConfigureAwait(false);
                continue;
            }
            catch (SocketException)
            {
                return;
            }

            var relay = new TcpRelay(client, _target, _connectGate);
            _relays.TryAdd(relay, 0);
            _ = ForgetWhenClosedAsync(relay);
        }
    }

    private async Task ForgetWhenClosedAsync(TcpRelay relay)
    {
        await relay.Start().ConfigureAwait(false);
        _relays.TryRemove(relay, out _);
    }
}
