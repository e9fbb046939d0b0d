using Orleans.TestingHost;
using Scalability.Client;
using Scalability.GrainInterfaces.Scaling;
using Scalability.Grains.Jobs;
using Scalability.Silo;
using Scalability.Tests.Support;

namespace Scalability.Tests.BadInput;

/// <summary>
/// The cluster's guards against more than it can take, on a real one-silo cluster: the job limit of the job directory,
/// and the free-space check of the output's volume.
/// </summary>
public sealed class ClusterGuardTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(1);

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_job_beyond_the_job_limit_is_refused_naming_the_limit_and_the_unfinished_jobs()
    {
        // The silo's pool takes no work, so a submitted job stays unfinished until it is cancelled.
        await using var cluster = await StartAsync(jobs => jobs.MaxConcurrentJobs = 1);
        var client = new ScalabilityClient(cluster.Client);
        var directory = cluster.Client.GetGrain<IJobDirectoryGrain>(IJobDirectoryGrain.Key);
        var spec = new JobSpec(Input(), _temp.File("first.csv"));
        await client.SubmitAsync("first", spec);
        Assert.Equal(1, await directory.GetJobLimit());

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => client.SubmitAsync("second", spec with { OutputPath = _temp.File("second.csv") }));

        Assert.Equal("job 'second' refused: the cluster takes at most 1 unfinished job(s) at once (its job limit), and 1 are unfinished: first. " +
                     "Wait for one to finish, cancel one, or raise the limit", refused.Message);
        Assert.Equal(JobStatus.None, (await client.GetProgressAsync("second")).Status);
        // The same submission again is the job already there, not a new one.
        Assert.NotEqual(JobStatus.None, (await client.SubmitAsync("first", spec)).Status);

        await directory.SetJobLimit(2);
        await client.SubmitAsync("second", spec with { OutputPath = _temp.File("second.csv") });
        Assert.Equal(["first", "second"], await directory.GetUnfinishedJobs());

        // Back to the silo's setting: one unfinished job, and a place only once one ends.
        await client.CancelAsync("first");
        await directory.SetJobLimit(null);
        var third = spec with { OutputPath = _temp.File("third.csv") };
        Assert.Contains("1 are unfinished: second.", (await Assert.ThrowsAsync<ArgumentException>(() => client.SubmitAsync("third", third))).Message);
        await client.CancelAsync("second");
        await client.SubmitAsync("third", third);
        Assert.Equal(["third"], await directory.GetUnfinishedJobs());
    }

    [Fact]
    public async Task A_job_whose_output_volume_lacks_the_space_is_refused_before_it_writes_anything()
    {
        const long reserve = 1L << 60;
        await using var cluster = await StartAsync(jobs => jobs.OutputSpaceReserveBytes = reserve);
        var client = new ScalabilityClient(cluster.Client);
        var output = _temp.File("results.csv");

        await client.SubmitAsync("tight", new JobSpec(Input(), output));
        using var timeout = new CancellationTokenSource(Patience);
        var summary = await client.WaitForCompletionAsync("tight", timeout.Token);

        Assert.Equal(JobStatus.Failed, summary.Status);
        Assert.True(summary.BadInput, "refused like bad input, so that scale run exits with 2");
        Assert.StartsWith($"not enough free space for the output '{output}': its volume has ", summary.Error);
        Assert.EndsWith(", plus 1048576 TiB (1,152,921,504,606,846,976 bytes) kept free; free some space or write the output to another volume", summary.Error);
        Assert.False(File.Exists(output));
        Assert.Equal(0, summary.Ok + summary.Failed + summary.Rejected);
    }

    private string Input() => _temp.Write("tickets.csv", "ticket_id,subject,body\nT1,Refund,money back\nT2,Login,cannot log in\n");

    private static async Task<Cluster> StartAsync(Action<JobOptions> configureJobs)
    {
        var builder = new InProcessTestClusterBuilder(initialSilosCount: 1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddInMemoryJobStorage();
            silo.AddDataRoots(TestPaths.DataRoots);
            silo.AddScalability(configureJobs,
                workers => workers.AcceptsJob = _ => false,
                scaling => scaling.Settings = new AutoScalerSettings(Enabled: false));
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new Cluster(cluster);
    }

    private sealed class Cluster(InProcessTestCluster cluster) : IAsyncDisposable
    {
        public IClusterClient Client => cluster.Client;

        public async ValueTask DisposeAsync() => await cluster.DisposeAsync();
    }
}
