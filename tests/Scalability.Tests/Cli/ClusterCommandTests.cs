using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Scalability.Silo;
using Scalability.Tests.Support;

namespace Scalability.Tests.Cli;

/// <summary>
/// The commands operators and scripts use around a cluster, run for real: <c>scale db init</c>, <c>scale silo</c>,
/// <c>scale run --cluster</c>, <c>scale status</c> and <c>scale run --resume</c>.
/// </summary>
public sealed class ClusterCommandTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Db_init_applies_the_schema_and_applying_it_again_changes_nothing()
    {
        var file = _temp.File("db/state.db");

        var first = await ScaleCli.RunAsync(_temp.Path, "db", "init", "--storage", "sqlite:" + file);
        var second = await ScaleCli.RunAsync(_temp.Path, "db", "init", "--storage", "sqlite:" + file);

        Assert.True(first.ExitCode == 0, first.StdErr);
        Assert.True(second.ExitCode == 0, second.StdErr);
        Assert.Equal($"schema applied to SQLite database {file}", second.StdOut.Trim());
        await using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM OrleansQuery";
        Assert.Equal(14L, await command.ExecuteScalarAsync());
    }

    [Theory]
    [InlineData("db init --storage mysql:Server=x", "error: --storage 'mysql:Server=x': it names no database kind")]
    [InlineData("silo --clustering consul", "error: --clustering 'consul': it names no database kind")]
    [InlineData("silo --address no-such-silo.invalid", "error: --address: the host name 'no-such-silo.invalid' does not resolve")]
    [InlineData("silo --http ftp://127.0.0.1:1", "error: --http: 'ftp://127.0.0.1:1' is not an http:// or https:// address")]
    [InlineData("status job-1 --cluster localhost:99999", "error: --cluster: 'localhost:99999' is not localhost:<gateway port>")]
    [InlineData("run --resume job-that-never-was", "error: there is no job 'job-that-never-was' in ")]
    [InlineData("status job-1", "(the file does not exist; give --state, --storage or --cluster)")]
    [InlineData("run x.csv --out y.csv --cluster localhost --storage sqlite:s.db", "error: --storage is for the embedded silo")]
    [InlineData("run", "error: give the CSV and --out, or --resume <job id>")]
    public async Task Bad_usage_exits_with_2_and_says_what_is_wrong(string arguments, string message)
    {
        var run = await ScaleCli.RunAsync(_temp.Path, arguments.Split(' '));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.StdErr);
        Assert.False(Directory.Exists(Path.Combine(_temp.Path, ".scale")), "a command refused for bad usage left a state folder behind");
    }

    [Fact]
    public async Task A_plugin_that_does_not_exist_is_bad_usage_named_in_the_message()
    {
        var sample = Path.Combine(TestPaths.RepositoryRoot, "samples", "tickets-sample.csv");
        var missing = _temp.File("no-such-plugin.dll");

        var run = await ScaleCli.RunAsync(_temp.Path, "run", sample, "--out", _temp.File("out.csv"), "--plugin", missing);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"error: processor plug-in '{missing}' does not exist", run.StdErr);
    }

    [Fact]
    public async Task A_job_submitted_to_a_running_silo_completes_and_its_status_reads_back_from_the_cluster()
    {
        var (siloPort, gatewayPort, httpPort) = (LoopbackPorts.Free(), LoopbackPorts.Free(), LoopbackPorts.Free());
        var cluster = $"localhost:{gatewayPort}";
        await using var silo = ScaleProcess.Start(_temp.Path, null,
            "silo", "--silo-port", siloPort.ToString(), "--gateway-port", gatewayPort.ToString(), "--http", $"http://127.0.0.1:{httpPort}",
            // The loop is off so that the manual scale below starts from the silo's own 2 workers.
            "--workers", "2", "--autoscale", "off", "--state", _temp.File("silo-state"), "--data-root", _temp.Path,
            "--data-root", Path.GetDirectoryName(TestPaths.Dataset(TestPaths.Kaggle))!);
        var active = await silo.WaitForOutputAsync(line => line.Contains(" active in cluster "), Patience);
        var address = active.Split(' ')[1];
        Assert.Contains($"storage SQLite database {_temp.File("silo-state/state.db")}, clustering localhost", active);

        using var http = new HttpClient();
        var health = await http.GetAsync($"http://127.0.0.1:{httpPort}/healthz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.StartsWith("ok: ", await health.Content.ReadAsStringAsync());

        var output = _temp.File("results.csv");
        var run = await ScaleCli.RunAsync(_temp.Path, "run", TestPaths.Dataset(TestPaths.Kaggle), "--out", output, "--cluster", cluster, "--json");
        Assert.True(run.ExitCode == 0, run.StdErr);
        var summary = JsonDocument.Parse(run.StdOut).RootElement;
        var jobId = summary.GetProperty("jobId").GetString()!;
        Assert.Contains($"job {jobId} started on the cluster at {cluster}", run.StdErr);
        Assert.Equal(8469, summary.GetProperty("ok").GetInt64());

        var status = await ScaleCli.RunAsync(_temp.Path, "status", jobId, "--cluster", cluster, "--json");
        Assert.True(status.ExitCode == 0, status.StdErr);
        var progress = JsonDocument.Parse(status.StdOut).RootElement;
        Assert.Equal("completed", progress.GetProperty("status").GetString());
        Assert.Equal(8469, progress.GetProperty("processedRows").GetInt64());
        Assert.Equal(8469, progress.GetProperty("rowsPerSilo").GetProperty(address).GetInt64());

        var unknown = await ScaleCli.RunAsync(_temp.Path, "status", "no-such-job", "--cluster", cluster);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains($"error: there is no job 'no-such-job' in the cluster at {cluster}", unknown.StdErr);

        // Manual scaling and the dashboard, from the command line.
        var scaled = await ScaleCli.RunAsync(_temp.Path, "scale", "3", "--reason", "nightly batch", "--for", "5", "--cluster", cluster);
        var dashboard = await ScaleCli.RunAsync(_temp.Path, "dashboard", "--cluster", cluster, "--json");
        var handedBack = await ScaleCli.RunAsync(_temp.Path, "scale", "--auto", "--cluster", cluster);
        var noCluster = await ScaleCli.RunAsync(_temp.Path, "scale", "3", "--reason", "x");

        Assert.True(scaled.ExitCode == 0, scaled.StdErr);
        Assert.StartsWith("workers 2 → 3: manual: nightly batch (held until ", scaled.StdOut);
        Assert.Contains($"  {address}: 3", scaled.StdOut);
        Assert.True(dashboard.ExitCode == 0, dashboard.StdErr);
        var snapshot = JsonDocument.Parse(dashboard.StdOut).RootElement;
        Assert.Equal((3, "nightly batch", 3), (snapshot.GetProperty("currentWorkers").GetInt32(),
            snapshot.GetProperty("manualOverride").GetString(), snapshot.GetProperty("workersPerSilo").GetProperty(address).GetInt32()));
        Assert.Equal((0, "the AutoScaler decides the workers again"), (handedBack.ExitCode, handedBack.StdOut.Trim()));
        Assert.Equal((2, "error: this works on a running cluster: give --cluster (postgres:…, sqlite:… or localhost[:port])"),
            (noCluster.ExitCode, noCluster.StdErr.Trim()));

        Assert.Equal(0, await silo.StopAsync(Patience));
    }

    [Fact]
    public async Task An_embedded_run_leaves_its_job_in_the_state_folder_for_status_and_resume()
    {
        var output = _temp.File("results.csv");
        var run = await ScaleCli.RunAsync(_temp.Path, "run", TestPaths.Dataset(TestPaths.Bitext), "--out", output, "--json");
        Assert.True(run.ExitCode == 0, run.StdErr);
        var jobId = JsonDocument.Parse(run.StdOut).RootElement.GetProperty("jobId").GetString()!;

        var status = await ScaleCli.RunAsync(_temp.Path, "status", jobId);
        var resume = await ScaleCli.RunAsync(_temp.Path, "run", "--resume", jobId, "--json");

        Assert.True(status.ExitCode == 0, status.StdErr);
        Assert.StartsWith($"job {jobId} completed: 4,514 of 4,514 rows (100.0%)", status.StdOut);
        Assert.True(resume.ExitCode == 0, resume.StdErr);
        Assert.Contains($"job {jobId} in {Path.Combine(_temp.Path, ".scale", "state.db")} has already completed", resume.StdErr);
        Assert.Equal(4514, JsonDocument.Parse(resume.StdOut).RootElement.GetProperty("ok").GetInt64());
    }
}
