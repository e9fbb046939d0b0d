using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Scalability.Silo;
using Scalability.Silo.Storage;

namespace Scalability.Tests.Storage;

/// <summary>Real Orleans hosts in the test process, configured through the product's storage extensions.</summary>
internal static class TestSilos
{
    public const string ServiceId = "storage-tests";

    /// <summary>A silo with localhost clustering on free ports; <paramref name="configure"/> adds what the test needs.</summary>
    public static Task<IHost> StartLocalAsync(Action<ISiloBuilder> configure) =>
        StartAsync(silo =>
        {
            silo.UseLocalhostClustering(LoopbackPorts.Free(), LoopbackPorts.Free(), serviceId: ServiceId, clusterId: "local-" + Guid.NewGuid().ToString("N")[..8]);
            configure(silo);
        });

    /// <summary>
    /// A silo of cluster <paramref name="clusterId"/> whose membership is in <paramref name="db"/>, on loopback, with
    /// membership timings shortened so that joins and departures show within seconds.
    /// </summary>
    public static Task<IHost> StartClusteredAsync(DatabaseTarget db, string clusterId, string siloName) =>
        StartAsync(silo =>
        {
            silo.Configure<ClusterOptions>(cluster =>
            {
                cluster.ClusterId = clusterId;
                cluster.ServiceId = ServiceId;
            });
            silo.Configure<SiloOptions>(options => options.SiloName = siloName);
            silo.ConfigureEndpoints(IPAddress.Loopback, LoopbackPorts.Free(), LoopbackPorts.Free(), listenOnAnyHostAddress: false);
            silo.Configure<ClusterMembershipOptions>(membership =>
            {
                membership.TableRefreshTimeout = TimeSpan.FromSeconds(1);
                membership.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(2);
                membership.ProbeTimeout = TimeSpan.FromSeconds(1);
            });
            silo.UseScalabilityClustering(db);
        });

    /// <summary>A silo host that is built but not started: its services (the membership table) are the real ones.</summary>
    public static IHost BuildUnstarted(DatabaseTarget db, string clusterId)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(cluster =>
            {
                cluster.ClusterId = clusterId;
                cluster.ServiceId = ServiceId;
            });
            silo.UseScalabilityClustering(db);
        });
        return builder.Build();
    }

    /// <summary>A client host, built but not started, that finds its gateways in <paramref name="db"/>.</summary>
    public static IHost BuildClient(DatabaseTarget db, string clusterId)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(cluster =>
            {
                cluster.ClusterId = clusterId;
                cluster.ServiceId = ServiceId;
            });
            client.Configure<GatewayOptions>(gateways => gateways.GatewayListRefreshPeriod = TimeSpan.FromSeconds(1));
            client.UseScalabilityClustering(db);
        });
        return builder.Build();
    }

    public static async Task StopAsync(IHost host)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await host.StopAsync(timeout.Token);
        }
        finally
        {
            host.Dispose();
        }
    }

    private static async Task<IHost> StartAsync(Action<ISiloBuilder> configure)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleans(configure);
        var host = builder.Build();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            await host.StartAsync(timeout.Token);
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return host;
    }
}
