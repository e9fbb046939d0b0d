using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Scalability.Grains.Jobs;

namespace Scalability.Silo;

/// <summary>
/// A silo inside the calling process, for one machine: localhost clustering on free ports, so that several can run
/// side by side. Its client is the silo's own, with no network hop.
/// </summary>
public sealed class EmbeddedSilo : IAsyncDisposable
{
    private readonly IHost _host;

    private EmbeddedSilo(IHost host)
    {
        _host = host;
        Client = host.Services.GetRequiredService<IClusterClient>();
    }

    public IClusterClient Client { get; }

    public IServiceProvider Services => _host.Services;

    public static async Task<EmbeddedSilo> StartAsync(
        LogLevel logLevel = LogLevel.Warning,
        Action<JobOptions>? configureJobs = null,
        CancellationToken cancellationToken = default)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        // stdout belongs to the command's results (scripts read its JSON); diagnostics go to stderr.
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(logLevel);
        builder.Logging.AddFilter("Orleans", logLevel > LogLevel.Error ? logLevel : LogLevel.Error);
        builder.Logging.AddFilter("Microsoft", logLevel > LogLevel.Error ? logLevel : LogLevel.Error);
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(FreeTcpPort(), FreeTcpPort(), serviceId: "scalability", clusterId: "embedded");
            silo.AddScalability(configureJobs);
        });

        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        return new EmbeddedSilo(host);
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _host.StopAsync(timeout.Token);
        }
        finally
        {
            _host.Dispose();
        }
    }

    private static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
