using Scalability.Silo;
using Scalability.Tests.Support;

namespace Scalability.Tests.Security;

/// <summary>
/// Data roots through the real CLI: <c>scale run --cluster</c> against a <c>scale silo --data-root</c> exits 2 with the
/// silo's refusal for every escape, and completes inside the root; a silo given no root refuses every job and says
/// how to give one; the embedded silo of <c>scale run</c> keeps to the folders of the input and output it was given.
/// </summary>
public sealed class DataRootCommandTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);
    private readonly TempFolder _temp = new();
    private readonly EscapeAttempts _attempts;
    private readonly string _root;

    public DataRootCommandTests()
    {
        _root = Directory.CreateDirectory(_temp.File("data")).FullName;
        _attempts = new EscapeAttempts(_root);
    }

    public void Dispose()
    {
        _attempts.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public async Task Scale_run_on_a_cluster_exits_2_for_every_escape_and_completes_inside_the_root()
    {
        await using var silo = StartSilo("with-root", "--data-root", _root);
        var gateway = await GatewayOfAsync(silo);
        await using var bare = StartSilo("no-root");
        var bareGateway = await GatewayOfAsync(bare);

        foreach (var (name, input, output, _) in _attempts.All)
        {
            var run = await ScaleCli.RunAsync(_temp.Path, "run", input, "--out", output, "--cluster", gateway);
            Assert.True(run.ExitCode == 2, $"{name}: exit {run.ExitCode}: {run.StdErr}");
            Assert.True(run.StdErr.Contains($"is outside this silo's data roots: {_root}", StringComparison.Ordinal), $"{name}: {run.StdErr}");
        }

        Assert.Equal(["secret.csv"], _attempts.OutsideFiles());

        var legit = await ScaleCli.RunAsync(_temp.Path, "run", _attempts.Legit, "--out", _attempts.LegitOutput, "--cluster", gateway);
        Assert.True(legit.ExitCode == 0, legit.StdErr);
        Assert.Equal(4, File.ReadAllLines(_attempts.LegitOutput).Length);

        var refused = await ScaleCli.RunAsync(_temp.Path, "run", _attempts.Legit, "--out", _attempts.LegitOutput, "--cluster", bareGateway);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains($"error: the input '{_attempts.Legit}' is refused: this silo has no data roots, so it reads and writes no job files " +
                        "(start it with --data-root <folder>, or set SCALE_DATA_ROOTS)", refused.StdErr);
    }

    [Fact]
    public async Task The_embedded_silo_allows_the_given_folders_and_refuses_an_output_beside_a_link_leading_out()
    {
        var output = Directory.CreateDirectory(_temp.File("out")).FullName;
        var run = await ScaleCli.RunAsync(_temp.Path, "run", _attempts.Legit, "--out", Path.Combine(output, "results.csv"));
        Assert.True(run.ExitCode == 0, run.StdErr);

        var beside = await ScaleCli.RunAsync(_temp.Path, "run", _attempts.Legit, "--out", Path.Combine(_root, "beside.csv"));
        Assert.Equal(2, beside.ExitCode);
        Assert.Contains($"the summary file '{Path.Combine(_root, "beside.csv.summary.json")}' (it leads to '{Path.Combine(_attempts.Outside, "victim.json")}') is outside this silo's data roots", beside.StdErr);
        Assert.Equal(["secret.csv"], _attempts.OutsideFiles());
    }

    private ScaleProcess StartSilo(string name, params string[] extra) => ScaleProcess.Start(_temp.Path, null,
    [
        "silo", "--silo-port", LoopbackPorts.Free().ToString(), "--gateway-port", LoopbackPorts.Free().ToString(),
        "--state", _temp.File(name), .. extra,
    ]);

    private static async Task<string> GatewayOfAsync(ScaleProcess silo)
    {
        var active = await silo.WaitForOutputAsync(line => line.Contains(" active in cluster "), Patience);
        var port = active.Split("gateway port ")[1].Split(',')[0];
        return $"localhost:{port}";
    }
}
