using System.Net;
using System.Net.Sockets;

namespace Scalability.Cli.Commands;

/// <summary>
/// The address a silo gives other silos and clients (<c>scale silo --address</c>): an IP address, a host name, or
/// <see cref="OwnHostName"/>, resolved once at start. A container knows its own name long before anyone tells it its IP.
/// </summary>
internal static class AdvertisedAddress
{
    /// <summary>Read when <c>--address</c> is not given, e.g. the pod's IP from Kubernetes' downward API.</summary>
    public const string Variable = "SCALE_SILO_ADDRESS";

    /// <summary>The address this machine's own host name resolves to: in a container, the container's IP.</summary>
    public const string OwnHostName = "auto";

    /// <summary><c>--address</c>'s default: <see cref="Variable"/> when set, otherwise loopback.</summary>
    public static string Default() =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } given ? given.Trim() : IPAddress.Loopback.ToString();

    /// <summary>The IP address <paramref name="value"/> stands for, an IPv4 one first when a name has several.</summary>
    /// <exception cref="ArgumentException">Neither an IP address nor a name this machine resolves.</exception>
    public static IPAddress Resolve(string value)
    {
        if (IPAddress.TryParse(value, out var ip))
        {
            return ip;
        }

        var (name, described) = value == OwnHostName
            ? (Dns.GetHostName(), $"this machine's host name '{Dns.GetHostName()}' ({OwnHostName})")
            : (value, $"the host name '{value}'");
        if (Uri.CheckHostName(name) != UriHostNameType.Dns)
        {
            throw new ArgumentException($"--address: '{value}' is neither an IP address nor a host name");
        }

        IPAddress[] found;
        try
        {
            found = Dns.GetHostAddresses(name);
        }
        catch (SocketException e)
        {
            throw new ArgumentException($"--address: {described} does not resolve ({e.Message})");
        }

        return found.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork)
            ?? found.FirstOrDefault()
            ?? throw new ArgumentException($"--address: {described} resolves to no address");
    }
}
