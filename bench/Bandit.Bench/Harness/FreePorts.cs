using System.Net;
using System.Net.Sockets;

namespace Bandit.Bench.Harness;

/// <summary>
/// Free TCP ports on 127.0.0.1, below Linux's ephemeral range so that no outgoing connection takes one between
/// this check and the server's bind; a run never hands out the same port twice.
/// </summary>
internal static class FreePorts
{
    private const int First = 20_000;
    private const int Last = 32_000;
    private static int s_next = First + Random.Shared.Next(Last - First);

    public static int Next()
    {
        for (var attempt = 0; attempt < Last - First; attempt++)
        {
            var port = First + (Interlocked.Increment(ref s_next) - First) % (Last - First);
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // Taken; try the next.
            }
        }

        throw new InvalidOperationException($"no free port on 127.0.0.1 between {First} and {Last}");
    }
}
