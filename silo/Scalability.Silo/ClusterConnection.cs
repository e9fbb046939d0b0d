using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Scalability.Client.Security;
using Scalability.Silo.Storage;

namespace Scalability.Silo;

/// <summary>
/// Where a client finds a running cluster: <c>localhost[:gatewayPort]</c> for one silo on this machine with localhost
/// clustering, or the membership database the silos share (<c>postgres:…</c>, <c>sqlite:…</c>).
/// </summary>
public sealed record ClusterAddress(DatabaseTarget? Membership, int GatewayPort)
{
    public static ClusterAddress Parse(string text, string optionName)
    {
        if (text == "localhost")
        {
            return new ClusterAddress(null, SiloSettings.DefaultGatewayPort);
        }

        if (text.StartsWith("localhost:", StringComparison.Ordinal))
        {
            return int.TryParse(text["localhost:".Length..], out var port) && port is > 0 and < 65536
                ? new ClusterAddress(null, port)
                : throw new ArgumentException($"{optionName}: '{text}' is not localhost:<gateway port>");
        }

        return new ClusterAddress(DatabaseTarget.Parse(text, optionName), 0);
    }

    public string Describe() => Membership?.Describe() ?? $"localhost:{GatewayPort}";
}

/// <summary>An Orleans client connected to a running cluster, for commands that do not host a silo themselves.</summary>
public sealed class ClusterConnection : IAsyncDisposable
{
    private readonly IHost _host;

    private ClusterConnection(IHost host)
    {
        _host = host;
        Client = host.Services.GetRequiredService<IClusterClient>();
    }

    public IClusterClient Client { get; }

    public static async Task<ClusterConnection> ConnectAsync(
        ClusterAddress address, string clusterId = SiloSettings.DefaultClusterId, LogLevel logLevel = LogLevel.Warning,
        CancellationToken cancellationToken = default, ClusterTls? tls = null)
    {
        // Commands given no TLS option still find the cluster's when their environment names a certificate to trust.
        tls ??= ClusterTls.FromEnvironment();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(console => console.SingleLine = true);
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(
            console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(logLevel);
        builder.Logging.AddFilter("Orleans", logLevel > LogLevel.Error ? logLevel : LogLevel.Error);
        builder.UseOrleansClient(client =>
        {
            if (address.Membership is { } membership)
            {
                client.UseScalabilityClustering(membership);
                client.Configure<ClusterOptions>(cluster =>
                {
                    cluster.ClusterId = clusterId;
                    cluster.ServiceId = clusterId;
                });
            }
            else
            {
                client.UseLocalhostClustering(address.GatewayPort, serviceId: clusterId, clusterId: clusterId);
            }

            if (tls is not null)
            {
                client.UseScalabilityTls(tls);
            }
        });

        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellationToken);
        }
        catch (Exception e)
        {
            host.Dispose();
            var hint = tls is null
                ? " (if its silos use TLS, give --tls, with --tls-trust <certificate> for a certificate this machine does not trust)"
                : " over TLS (check that its silos use TLS and that --tls-trust names their certificate or its issuer)";
            throw new InvalidOperationException($"could not connect to the cluster at {address.Describe()}{hint}: {e.Message}", e);
        }

        return new ClusterConnection(host);
    }

    public ValueTask DisposeAsync() => HostShutdown.StopAndDisposeAsync(_host, TimeSpan.FromSeconds(10));
}
