using Scalability.Silo;
using Scalability.Tests.Support;

namespace Scalability.Tests.Integration;

/// <summary>
/// Real <c>scale silo</c> processes of one cluster on loopback, sharing a membership and state database. Each silo
/// keeps its ports across restarts, as a silo restarted on the same machine would.
/// </summary>
public sealed class SiloProcesses(string workingDirectory, string database, IReadOnlyDictionary<string, string> environment, string[] extraArgs)
    : IAsyncDisposable
{
    private static readonly TimeSpan StartPatience = TimeSpan.FromMinutes(2);
    private readonly List<(int SiloPort, int GatewayPort)> _ports = [];
    private readonly Dictionary<int, ScaleProcess> _running = [];

    /// <summary>The parsable address each running silo reported when it became active.</summary>
    public Dictionary<int, string> Addresses { get; } = [];

    public int Count => _ports.Count;

    /// <summary>Starts a new silo on fresh ports; returns its number.</summary>
    public async Task<int> AddAsync()
    {
        _ports.Add((LoopbackPorts.Free(), LoopbackPorts.Free()));
        var number = _ports.Count - 1;
        await StartAsync(number);
        return number;
    }

    /// <summary>Starts silo <paramref name="number"/> again on its ports (after it was killed or stopped).</summary>
    public async Task StartAsync(int number)
    {
        var (siloPort, gatewayPort) = _ports[number];
        var process = ScaleProcess.Start(workingDirectory, environment,
        [
            "silo", "--clustering", database, "--silo-port", siloPort.ToString(), "--gateway-port", gatewayPort.ToString(),
            "--state", Path.Combine(workingDirectory, $"silo-{number}"), .. TestPaths.DataRoots.SelectMany(root => new[] { "--data-root", root }),
            .. extraArgs,
        ]);
        _running[number] = process;
        var active = await process.WaitForOutputAsync(line => line.Contains(" active in cluster "), StartPatience);
        Addresses[number] = active.Split(' ')[1];
    }

    /// <summary>SIGKILL: the silo process dies at once, leaving its leases and activations behind.</summary>
    public async Task KillAsync(int number)
    {
        await _running[number].KillAsync();
        _running.Remove(number);
    }

    public string Logs(int number) => _running.TryGetValue(number, out var process) ? process.StdErr : "";

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _running.Values)
        {
            await process.DisposeAsync();
        }

        _running.Clear();
    }
}
