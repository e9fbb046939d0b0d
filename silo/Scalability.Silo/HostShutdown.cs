using Microsoft.Extensions.Hosting;

namespace Scalability.Silo;

public static class HostShutdown
{
    /// <summary>Stops a host gracefully (a silo leaves its cluster, a client its gateway) within a bound, then disposes it.</summary>
    public static async ValueTask StopAndDisposeAsync(IHost host, TimeSpan patience)
    {
        using var timeout = new CancellationTokenSource(patience);
        try
        {
            await host.StopAsync(timeout.Token);
        }
        finally
        {
            host.Dispose();
        }
    }
}
