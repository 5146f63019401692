using System.Net;
using System.Net.Sockets;

namespace Bandit.DevBroker;

/// <summary>
/// Knocks on a mock broker's listener while a call into the mock is pending. librdkafka's mock thread
/// now and then misses the wake-up for a queued request and sleeps out its 1 s poll timeout (seen in
/// about 5% of topic creations and 1 in 12 destroys); any connection to its listener wakes it.
/// </summary>
internal sealed class MockThreadWaker : IDisposable
{
    // Well above a normal request (~0.1 ms), well below the 1 s stall.
    private static readonly TimeSpan Grace = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromMilliseconds(200);

    private readonly IPEndPoint _listener;
    private readonly Timer _timer;

    private MockThreadWaker(IPEndPoint listener)
    {
        _listener = listener;
        _timer = new Timer(_ => _ = KnockAsync(), null, Grace, Interval);
    }

    /// <summary>Starts knocking after a short grace period, until disposed.</summary>
    public static MockThreadWaker Start(IPEndPoint listener) => new(listener);

    /// <summary>Stops knocking; a knock already under way finishes by itself.</summary>
    public void Dispose() => _timer.Dispose();

    private async Task KnockAsync()
    {
        using var socket = new Socket(_listener.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        using var timeout = new CancellationTokenSource(ConnectTimeout);
        try
        {
            await socket.ConnectAsync(_listener, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException)
        {
            // The listener is already gone or busy: either way the mock thread is awake.
        }
    }
}
