using System.Net;
using Microsoft.Extensions.Logging;
using Scalability.Grains.Jobs;
using Scalability.Grains.Scaling;
using Scalability.Silo.Security;
using Scalability.Silo.Storage;
using Scalability.Silo.Telemetry;

namespace Scalability.Silo;

/// <summary>How to host one silo: where its state and membership live, its ports, and its HTTP endpoint.</summary>
public sealed record SiloSettings
{
    public const string DefaultClusterId = "scalability";
    public const int DefaultSiloPort = 11111;
    public const int DefaultGatewayPort = 30000;

    /// <summary>Where grain state lives; null keeps it in memory (lost when the silo stops).</summary>
    public DatabaseTarget? Storage { get; init; }

    /// <summary>Where membership lives; null for localhost clustering (a single silo on this machine).</summary>
    public DatabaseTarget? Clustering { get; init; }

    /// <summary>The address other silos and clients reach this silo at.</summary>
    public IPAddress Address { get; init; } = IPAddress.Loopback;

    public int SiloPort { get; init; } = DefaultSiloPort;

    public int GatewayPort { get; init; } = DefaultGatewayPort;

    /// <summary>
    /// The silo's HTTP endpoint: health checks (<c>/healthz</c>), Prometheus metrics (<c>/metrics</c>), the Orleans
    /// Dashboard (<c>/dashboard</c>) and the jobs page (<c>/jobs</c>, <c>/api/jobs</c>); null for none. Off loopback it
    /// needs <see cref="HttpToken"/> (see <see cref="Http.HttpAccess"/>).
    /// </summary>
    public Uri? Http { get; init; }

    /// <summary>The token every HTTP path but <c>/healthz</c> asks for; null leaves a loopback endpoint open.</summary>
    public SecretText? HttpToken { get; init; }

    /// <summary>TLS on silo-to-silo and gateway connections; null for plain TCP.</summary>
    public SiloTls? Tls { get; init; }

    /// <summary>
    /// The folders jobs may read input from and write output to on this silo (see
    /// <see cref="Scalability.Grains.Security.DataRoots"/>). None, and <see cref="AnyDataPath"/> unset, refuses every job file.
    /// </summary>
    public IReadOnlyList<string> DataRoots { get; init; } = [];

    /// <summary>Jobs may read and write anywhere this process may: for a silo inside a user's own command.</summary>
    public bool AnyDataPath { get; init; }

    /// <summary>Where OpenTelemetry metrics and traces are sent; null for <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>, or nowhere.</summary>
    public OtlpTarget? Otlp { get; init; }

    public string ClusterId { get; init; } = DefaultClusterId;

    public string ServiceId { get; init; } = DefaultClusterId;

    public LogLevel LogLevel { get; init; } = LogLevel.Information;

    /// <summary>The least severe level logged from Orleans, ASP.NET Core and Polly, which are chatty below Warning.</summary>
    public LogLevel FrameworkLogLevel { get; init; } = LogLevel.Warning;

    /// <summary>Log lines go to stderr, keeping stdout for a command's results.</summary>
    public bool LogToStandardError { get; init; } = true;

    /// <summary>Assemblies whose processor factories this silo registers beside the built-in ones.</summary>
    public IReadOnlyList<string> PluginPaths { get; init; } = [];

    public Action<JobOptions>? ConfigureJobs { get; init; }

    public Action<WorkerPoolOptions>? ConfigureWorkers { get; init; }

    /// <summary>The AutoScaler's timings and starting settings, for the AutoScaler when it runs on this silo.</summary>
    public Action<AutoScalerOptions>? ConfigureScaling { get; init; }
}
