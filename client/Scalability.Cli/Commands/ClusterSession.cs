using Scalability.GrainInterfaces.Scaling;
using Microsoft.Extensions.Logging;
using Scalability.Client.Security;
using Scalability.Silo;
using Scalability.Silo.Storage;

namespace Scalability.Cli.Commands;

/// <summary>
/// Where a command's jobs live: a cluster it connects to as a client (<c>--cluster</c>), or a silo it embeds, whose
/// job state is kept in a SQLite file under the state folder so that an interrupted job can be resumed.
/// </summary>
internal sealed class ClusterSession : IAsyncDisposable
{
    private readonly IAsyncDisposable _owner;

    private ClusterSession(IAsyncDisposable owner, IClusterClient client, string where, bool embedded)
    {
        _owner = owner;
        Client = client;
        Where = where;
        Embedded = embedded;
    }

    public IClusterClient Client { get; }

    /// <summary>Where the jobs are, in words: the cluster's address or the state file.</summary>
    public string Where { get; }

    public bool Embedded { get; }

    /// <summary>
    /// Connects to <paramref name="cluster"/>, or starts an embedded silo on <paramref name="storage"/> that works only
    /// on the jobs <paramref name="acceptsJob"/> accepts.
    /// </summary>
    /// <param name="dataRoots">The folders the embedded silo's jobs may use; null for anywhere.</param>
    public static async Task<ClusterSession> OpenAsync(
        ClusterAddress? cluster, DatabaseTarget storage, int workers, Func<string, bool> acceptsJob, bool verbose,
        CancellationToken cancellationToken, IReadOnlyList<string>? plugins = null, AutoScalerSettings? scaling = null,
        ClusterTls? tls = null, IReadOnlyList<string>? dataRoots = null)
    {
        var logLevel = verbose ? LogLevel.Information : LogLevel.Warning;
        if (cluster is not null)
        {
            var connection = await ClusterConnection.ConnectAsync(cluster, logLevel: logLevel, cancellationToken: cancellationToken, tls: tls);
            return new ClusterSession(connection, connection.Client, $"the cluster at {cluster.Describe()}", embedded: false);
        }

        var silo = await EmbeddedSilo.StartAsync(
            new EmbeddedSiloOptions
            {
                Storage = storage, Workers = workers, AcceptsJob = acceptsJob, LogLevel = logLevel, PluginPaths = plugins ?? [], DataRoots = dataRoots,
                ConfigureScaling = scaling is null ? null : options => options.Settings = scaling,
            },
            cancellationToken);
        return new ClusterSession(silo, silo.Client, Describe(storage), embedded: true);
    }

    public ValueTask DisposeAsync() => _owner.DisposeAsync();

    /// <summary>
    /// <see cref="OpenAsync"/>, with what can go wrong said on stderr: a bad plug-in or option is bad usage (exit 2),
    /// a database or cluster that cannot be reached a failure (exit 1).
    /// </summary>
    public static async Task<(ClusterSession? Session, int ExitCode)> TryOpenAsync(
        ClusterAddress? cluster, DatabaseTarget storage, int workers, Func<string, bool> acceptsJob, bool verbose,
        CancellationToken cancellationToken, IReadOnlyList<string>? plugins = null, AutoScalerSettings? scaling = null,
        ClusterTls? tls = null, IReadOnlyList<string>? dataRoots = null)
    {
        try
        {
            return (await OpenAsync(cluster, storage, workers, acceptsJob, verbose, cancellationToken, plugins, scaling, tls, dataRoots), ExitCodes.Success);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return (null, ExitCodes.BadInput);
        }
        catch (InvalidOperationException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return (null, ExitCodes.JobFailed);
        }
    }

    /// <summary>
    /// For commands that read one job (status, report): the cluster named by <c>--cluster</c>, or an embedded silo over
    /// the state folder or <c>--storage</c> that takes no job's work. Bad options and a state file that does not exist
    /// are said on stderr (exit 2).
    /// </summary>
    public static async Task<(ClusterSession? Session, int ExitCode)> OpenToReadAsync(
        string? cluster, string? storage, string stateFolder, string jobId, CancellationToken cancellationToken)
    {
        ClusterAddress? address;
        DatabaseTarget database;
        try
        {
            address = CommonOptions.ParseCluster(cluster);
            database = CommonOptions.ParseStorage(storage, stateFolder);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return (null, ExitCodes.BadInput);
        }

        if (NoStateToRead(address, database, jobId) is { } nothing)
        {
            Console.Error.WriteLine($"error: {nothing}");
            return (null, ExitCodes.BadInput);
        }

        return await TryOpenAsync(address, database, workers: 1, acceptsJob: _ => false, verbose: false, cancellationToken);
    }

    /// <summary>
    /// For commands that only read jobs: an embedded state file that does not exist holds no job, and opening it
    /// would create it. Null when there may be jobs to read; otherwise the message to print.
    /// </summary>
    public static string? NoStateToRead(ClusterAddress? cluster, DatabaseTarget storage, string jobId) =>
        cluster is null && storage is SqliteDatabase sqlite && !File.Exists(sqlite.Path)
            ? $"there is no job '{jobId}' in {Describe(storage)} (the file does not exist; give --state, --storage or --cluster)"
            : null;

    // The state file's path is what a user recognises; a database is described without its password.
    private static string Describe(DatabaseTarget storage) => storage is SqliteDatabase sqlite ? Path.GetFullPath(sqlite.Path) : storage.Describe();
}
