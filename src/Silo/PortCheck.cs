using System.Net;
using System.Net.Sockets;

namespace Bandit.Silo;

/// <summary>
/// Orleans opens its listening sockets with port reuse, so a second silo on a taken port starts without
/// complaint and clients reach either. Binding once without reuse, before Orleans does, catches that.
/// </summary>
internal static class PortCheck
{
    /// <summary>Throws naming the setting when the port is already bound on the address.</summary>
    public static void EnsureFree(IPAddress address, int port, string setting)
    {
        try
        {
            using var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(address, port));
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            throw new InvalidOperationException(
                $"port {port} on {address} ({setting}) is already in use, perhaps by another silo; choose another");
        }
    }
}
