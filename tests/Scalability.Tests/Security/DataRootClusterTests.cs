using Scalability.Client;
using Scalability.Tests.Cluster;
using Scalability.Tests.Support;

namespace Scalability.Tests.Security;

/// <summary>
/// Two real silos with data roots (the cluster fixture's: the tests' scratch root, the datasets, the repository):
/// every way out of a root is refused when the job is submitted, naming the path and the roots, with nothing saved or
/// written; a path inside runs to completion.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class DataRootClusterTests(ClusterFixture fixture) : IDisposable
{
    private readonly TempFolder _temp = new();
    private EscapeAttempts? _attempts;

    private EscapeAttempts Attempts => _attempts ??= new EscapeAttempts(_temp.Path);

    public void Dispose()
    {
        _attempts?.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public async Task Every_escape_from_the_data_roots_is_refused_at_submission_and_nothing_is_written_outside()
    {
        var client = new ScalabilityClient(fixture.Client);
        foreach (var (name, input, output, named) in Attempts.All)
        {
            var jobId = ScalabilityClient.NewJobId();
            var e = await Assert.ThrowsAsync<ArgumentException>(() => client.SubmitAsync(jobId, new JobSpec(input, output)));
            Assert.True(e.Message.Contains($"'{named}'", StringComparison.Ordinal), $"{name}: {e.Message}");
            Assert.True(e.Message.Contains($"is outside this silo's data roots: {string.Join(", ", TestPaths.DataRoots)}", StringComparison.Ordinal),
                $"{name}: {e.Message}");
            Assert.Equal(JobStatus.None, (await client.GetProgressAsync(jobId)).Status);
        }

        Assert.Equal(["secret.csv"], Attempts.OutsideFiles());
    }

    [Fact]
    public async Task A_plug_in_outside_the_roots_is_refused_before_any_silo_loads_it()
    {
        var client = new ScalabilityClient(fixture.Client);
        // Not an assembly at all: loading it would fail with another message.
        var plugin = Path.Combine(Attempts.Outside, "evil.dll");
        File.WriteAllText(plugin, "not an assembly");

        var e = await Assert.ThrowsAsync<ArgumentException>(() => client.SubmitAsync(ScalabilityClient.NewJobId(),
            new JobSpec(Attempts.Legit, Attempts.LegitOutput, Processor: new ProcessorSpec(ProcessorSpec.PluginKind, PluginPath: plugin))));

        Assert.Equal($"the processor plug-in '{plugin}' is outside this silo's data roots: {string.Join(", ", TestPaths.DataRoots)}", e.Message);
    }

    [Fact]
    public async Task A_job_inside_a_root_runs_to_completion()
    {
        var client = new ScalabilityClient(fixture.Client);
        var jobId = ScalabilityClient.NewJobId();

        await client.SubmitAsync(jobId, new JobSpec(Attempts.Legit, Attempts.LegitOutput));
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var summary = await client.WaitForCompletionAsync(jobId, timeout.Token);

        Assert.Equal((JobStatus.Completed, 3L), (summary.Status, summary.Ok));
        Assert.Equal(4, File.ReadAllLines(Attempts.LegitOutput).Length);
    }
}
