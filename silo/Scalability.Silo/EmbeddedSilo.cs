using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Scalability.Grains.Jobs;
using Scalability.Grains.Scaling;
using Scalability.Silo.Storage;

namespace Scalability.Silo;

/// <summary>How to run a silo inside the calling process.</summary>
public sealed record EmbeddedSiloOptions
{
    /// <summary>The state folder a command keeps in its working directory.</summary>
    public const string StateFolderName = ".scale";

    /// <summary>
    /// Where job state is kept so that an interrupted job resumes (a SQLite file, by default under the state folder);
    /// null keeps it in memory.
    /// </summary>
    public DatabaseTarget? Storage { get; init; }

    /// <summary>Chunks run at once; 0 for one per processor core.</summary>
    public int Workers { get; init; }

    /// <summary>The jobs this silo works on; null for every unfinished job in its state.</summary>
    public Func<string, bool>? AcceptsJob { get; init; }

    public LogLevel LogLevel { get; init; } = LogLevel.Warning;

    /// <summary>
    /// The folders its jobs may read and write; null for anywhere: the silo runs with the user's own rights, on paths
    /// the user gave.
    /// </summary>
    public IReadOnlyList<string>? DataRoots { get; init; }

    /// <summary>Assemblies of processor factories to offer beside the built-in ones.</summary>
    public IReadOnlyList<string> PluginPaths { get; init; } = [];

    public Action<JobOptions>? ConfigureJobs { get; init; }

    /// <summary>The AutoScaler's timings and starting settings (mode, bounds, or off).</summary>
    public Action<AutoScalerOptions>? ConfigureScaling { get; init; }

    /// <summary>The state database in a state folder.</summary>
    public static SqliteDatabase StateDatabase(string stateFolder) => new(Path.Combine(Path.GetFullPath(stateFolder), "state.db"));
}

/// <summary>
/// A silo inside the calling process, for one machine: localhost clustering on free ports, so that several can run
/// side by side, and job state in a SQLite file. Its client is the silo's own, with no network hop.
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

    public static async Task<EmbeddedSilo> StartAsync(EmbeddedSiloOptions options, CancellationToken cancellationToken = default)
    {
        var settings = new SiloSettings
        {
            Storage = options.Storage,
            SiloPort = LoopbackPorts.Free(),
            GatewayPort = LoopbackPorts.Free(),
            ClusterId = "embedded",
            LogLevel = options.LogLevel,
            // A command's user is not a cluster's operator: Orleans' own warnings and errors (start-up timing, a
            // lease given back to a job that is already shutting down with the same process) would only be noise on
            // their terminal. What goes wrong with a job reaches them through the job's status; --verbose shows all.
            FrameworkLogLevel = options.LogLevel <= LogLevel.Information ? LogLevel.Warning : LogLevel.Critical,
            ConfigureJobs = options.ConfigureJobs,
            ConfigureScaling = options.ConfigureScaling,
            PluginPaths = options.PluginPaths,
            DataRoots = options.DataRoots ?? [],
            AnyDataPath = options.DataRoots is null,
            ConfigureWorkers = workers =>
            {
                workers.Workers = options.Workers;
                workers.AcceptsJob = options.AcceptsJob;
            },
        };
        return new EmbeddedSilo(await SiloHost.StartAsync(settings, cancellationToken));
    }

    public ValueTask DisposeAsync() => HostShutdown.StopAndDisposeAsync(_host, TimeSpan.FromSeconds(10));
}
