using System.Net;
using System.Net.Sockets;

namespace Bandit.Silo;

/// <summary>
/// Orleans opens its listening sockets with port reuse, so a second silo on a taken port starts without
/// complaint and clients reach either. Binding once without reuse, before Orleans does, catches that.
/// </summary>
internal static class PortCheck
{
    private const int SolSocket = 1;
    private const int SoReuseAddr = 2;

    /// <summary>Throws naming the setting when the port is already bound on the address.</summary>
    public static void EnsureFree(IPAddress address, int port, string setting)
    {
        try
        {
            using var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            // SO_REUSEADDR alone (Socket.ReuseAddress would add SO_REUSEPORT): a silo restarted on its port
            // must not be refused for the old connections in TIME_WAIT, while a live listener still is.
            if (OperatingSystem.IsLinux())
            {
                socket.SetRawSocketOption(SolSocket, SoReuseAddr, BitConverter.GetBytes(1));
            }

            socket.Bind(new IPEndPoint(address, port));
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            throw new InvalidOperationException(
                $"port {port} on {address} ({setting}) is already in use, perhaps by another silo; choose another");
        }
    }
}
