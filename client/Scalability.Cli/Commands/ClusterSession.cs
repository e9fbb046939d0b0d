using Microsoft.Extensions.Logging;
using Scalability.Silo;

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
    /// Connects to <paramref name="cluster"/>, or starts an embedded silo on the state in <paramref name="stateFolder"/>
    /// that works only on the jobs <paramref name="acceptsJob"/> accepts.
    /// </summary>
    public static async Task<ClusterSession> OpenAsync(
        ClusterAddress? cluster, string stateFolder, int workers, Func<string, bool> acceptsJob, bool verbose,
        CancellationToken cancellationToken, IReadOnlyList<string>? plugins = null)
    {
        var logLevel = verbose ? LogLevel.Information : LogLevel.Warning;
        if (cluster is not null)
        {
            var connection = await ClusterConnection.ConnectAsync(cluster, logLevel: logLevel, cancellationToken: cancellationToken);
            return new ClusterSession(connection, connection.Client, $"the cluster at {cluster.Describe()}", embedded: false);
        }

        var stateFile = Path.Combine(Path.GetFullPath(stateFolder), "state.db");
        var silo = await EmbeddedSilo.StartAsync(
            new EmbeddedSiloOptions
            {
                StateFile = stateFile, Workers = workers, AcceptsJob = acceptsJob, LogLevel = logLevel, PluginPaths = plugins ?? [],
            },
            cancellationToken);
        return new ClusterSession(silo, silo.Client, stateFile, embedded: true);
    }

    public ValueTask DisposeAsync() => _owner.DisposeAsync();
}
