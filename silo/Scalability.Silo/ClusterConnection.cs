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

    /// <summary>
    /// How long connecting may take. Orleans' client keeps asking for the cluster's manifest until a gateway answers,
    /// so a gateway that never completes a connection (TLS on one side only, an untrusted certificate) would otherwise
    /// hold a command forever.
    /// </summary>
    public static readonly TimeSpan DefaultConnectTimeout = TimeSpan.FromSeconds(30);

    public static async Task<ClusterConnection> ConnectAsync(
        ClusterAddress address, string clusterId = SiloSettings.DefaultClusterId, LogLevel logLevel = LogLevel.Warning,
        CancellationToken cancellationToken = default, ClusterTls? tls = null, TimeSpan? connectTimeout = null)
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
        // A connection that fails is said once, by the exception below; the host's own account of it is a stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting", logLevel <= LogLevel.Information ? logLevel : LogLevel.None);
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
        var patience = connectTimeout ?? DefaultConnectTimeout;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(patience);
        try
        {
            await host.StartAsync(timeout.Token);
        }
        catch (Exception e)
        {
            // Stopped, not only disposed: the client's retry loops end with it.
            await HostShutdown.StopAndDisposeAsync(host, TimeSpan.FromSeconds(5));
            var hint = tls is null
                ? " (if its silos use TLS, give --tls, with --tls-trust <certificate> for a certificate this machine does not trust)"
                : " over TLS (check that its silos use TLS and that --tls-trust names their certificate or its issuer)";
            var reason = e is OperationCanceledException && !cancellationToken.IsCancellationRequested
                ? $"no gateway completed a connection within {patience.TotalSeconds:0} s"
                : e.Message;
            throw new InvalidOperationException($"could not connect to the cluster at {address.Describe()}{hint}: {reason}", e);
        }

        return new ClusterConnection(host);
    }

    public ValueTask DisposeAsync() => HostShutdown.StopAndDisposeAsync(_host, TimeSpan.FromSeconds(10));
}
