using System.Net;
using System.Net.Sockets;

namespace Bandit.Tests.Fixtures;

/// <summary>
/// Free TCP ports on 127.0.0.1 for the servers a test starts. They come from below Linux's ephemeral range
/// (32768+), so the kernel never hands the same port to an outgoing connection or a port-0 listener in the
/// gap between this check and the server's bind, and one test run never hands out a port twice.
/// </summary>
internal static class FreePort
{
    private const int First = 20_000;
    private const int Last = 32_000;
    private static int _next = First + Random.Shared.Next(Last - First);

    public static int Next()
    {
        for (var attempt = 0; attempt < Last - First; attempt++)
        {
            var port = First + (Interlocked.Increment(ref _next) - First) % (Last - First);
            if (IsFree(port))
            {
                return port;
            }
        }

        throw new InvalidOperationException($"no free port on 127.0.0.1 between {First} and {Last}");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
