using System.Net;
using System.Net.Sockets;

namespace Scalability.Silo;

/// <summary>Free TCP ports on loopback, for silos that must not collide with others on the same machine.</summary>
public static class LoopbackPorts
{
    /// <summary>A port that was free a moment ago (the operating system's pick).</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
