using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Scalability.Grains;
using Scalability.Grains.Processing;
using Scalability.Silo.Http;
using Scalability.Silo.Security;
using Scalability.Silo.Storage;
using Scalability.Silo.Telemetry;

namespace Scalability.Silo;

/// <summary>Builds and starts a silo host from <see cref="SiloSettings"/>: the one way every silo of the product is made.</summary>
public static class SiloHost
{
    public static async Task<IHost> StartAsync(SiloSettings settings, CancellationToken cancellationToken = default)
    {
        // The schema is applied before the host starts: Orleans' providers read their queries once, at start-up.
        if (settings.Storage is { } storage)
        {
            await SchemaInstaller.ApplyAsync(storage, cancellationToken);
        }

        if (settings.Clustering is { } clustering && clustering != settings.Storage)
        {
            await SchemaInstaller.ApplyAsync(clustering, cancellationToken);
        }

        if (HttpAccess.Refusal(settings.Http, settings.HttpToken) is { } refusal)
        {
            throw new ArgumentException(refusal);
        }

        // Loaded before anything starts, so that a bad plug-in stops the silo with its reason.
        var plugins = settings.PluginPaths.SelectMany(ProcessorPlugins.Load).ToArray();

        IHost host;
        if (settings.Http is { } http)
        {
            var web = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
            Configure(web, settings, plugins);
            web.WebHost.UseUrls(http.ToString());
            var app = web.Build();
            if (settings.HttpToken is { } token)
            {
                app.UseHttpToken(token);
            }

            app.MapJobsPage();
            app.MapGet("/healthz", HealthAsync);
            app.MapScalabilityTelemetry();
            host = app;
        }
        else
        {
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
            Configure(builder, settings, plugins);
            host = builder.Build();
        }

        try
        {
            await host.StartAsync(cancellationToken);
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return host;
    }

    private static void Configure(IHostApplicationBuilder builder, SiloSettings settings, IReadOnlyList<ITicketProcessorFactory> plugins)
    {
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(console => console.SingleLine = true);
        if (settings.LogToStandardError)
        {
            builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(
                console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        }

        builder.Logging.SetMinimumLevel(settings.LogLevel);
        var frameworkLevel = settings.LogLevel > settings.FrameworkLogLevel ? settings.LogLevel : settings.FrameworkLogLevel;
        builder.Logging.AddFilter("Orleans", frameworkLevel);
        builder.Logging.AddFilter("Microsoft", frameworkLevel);
        // Orleans' own retries (placement, for one) log under Polly's category.
        builder.Logging.AddFilter("Polly", frameworkLevel);

        builder.UseOrleans(silo =>
        {
            if (settings.Clustering is { } clustering)
            {
                silo.UseScalabilityClustering(clustering);
                silo.Configure<ClusterOptions>(cluster =>
                {
                    cluster.ClusterId = settings.ClusterId;
                    cluster.ServiceId = settings.ServiceId;
                });
                silo.ConfigureEndpoints(settings.Address, settings.SiloPort, settings.GatewayPort,
                    listenOnAnyHostAddress: !IPAddress.IsLoopback(settings.Address));
                silo.Configure<ClusterMembershipOptions>(membership =>
                {
                    // A silo that joins waits until it can reach every silo the table lists as active, and a crashed
                    // silo stays listed until its last heartbeat in the table is this old: with Orleans' defaults
                    // (30 s x 3) a cluster restarted after a crash sat still for a minute and a half. A heartbeat
                    // row update every 5 s costs the database nothing.
                    membership.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(5);
                    membership.NumMissedTableIAmAliveLimit = 3;
                });
            }
            else
            {
                silo.UseLocalhostClustering(settings.SiloPort, settings.GatewayPort, serviceId: settings.ServiceId, clusterId: settings.ClusterId);
            }

            if (settings.Storage is { } storage)
            {
                silo.AddScalabilityGrainStorage(StorageNames.Jobs, storage);
            }
            else
            {
                silo.AddInMemoryJobStorage();
            }

            silo.AddScalability(settings.ConfigureJobs, settings.ConfigureWorkers, settings.ConfigureScaling);
            silo.AddDataRoots([.. settings.DataRoots]);
            if (settings.AnyDataPath)
            {
                silo.AllowAnyDataPath();
            }

            settings.Tls?.Apply(silo);
            builder.AddScalabilityTelemetry(silo, settings);
            foreach (var factory in plugins)
            {
                silo.Services.AddSingleton(factory);
            }
        });
    }

    /// <summary>200 while this silo is an active member of its cluster, 503 otherwise.</summary>
    private static IResult HealthAsync(IClusterMembershipService membership, ILocalSiloDetails silo)
    {
        var status = membership.CurrentSnapshot.GetSiloStatus(silo.SiloAddress);
        return status == SiloStatus.Active
            ? Results.Text($"ok: {silo.SiloAddress} is active\n")
            : Results.Text($"not ready: {silo.SiloAddress} is {status}\n", statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
