using Scalability.Client;
using Scalability.GrainInterfaces.Scaling;
using Scalability.Grains.Ingest;
using Scalability.Tests.Support;

namespace Scalability.Tests.Cluster;

/// <summary>
/// The time limit on real silos: a job's request for workers raises the AutoScaler's count at once, and a job that
/// even the maximum cannot get done in time says so while it runs, and still completes.
/// </summary>
public sealed class TimeLimitClusterTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(1);
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_request_for_a_deadline_raises_an_idle_clusters_workers_until_it_runs_out()
    {
        await using var cluster = await TopologyCluster.StartAsync(_temp.File("state.db"));
        var client = new ScalabilityClient(cluster.Client);
        await client.ConfigureAutoScalerAsync(new AutoScalerSettings(Enabled: true, MinWorkers: 1, MaxWorkers: 6));
        var scaler = cluster.Client.GetGrain<IAutoScalerGrain>(IAutoScalerGrain.Key);
        var since = DateTime.UtcNow;

        Assert.Equal(6, await scaler.RequestWorkersForDeadline("job-late", 9, TimeSpan.FromSeconds(5)));

        Assert.True(await Eventually.TrueAsync(async () => (await client.GetDashboardAsync()).CurrentWorkers == 6, Patience),
            $"the AutoScaler did not raise the workers: {(await client.GetDashboardAsync()).CurrentWorkers}");
        var decisions = await client.GetScalingDecisionsAsync(since);
        var raised = decisions.First(d => d.ToWorkers == 6);
        Assert.True(raised.Reason.StartsWith("job job-late is behind its time limit and asked for 9 workers: ", StringComparison.Ordinal),
            string.Join(Environment.NewLine, decisions.Select(d => $"{d.FromWorkers} → {d.ToWorkers}: {d.Reason}")));
        Assert.Equal(6, raised.PerSilo.Values.Sum());
        // Nobody asks again and nothing runs: the idle cluster drifts back down.
        Assert.True(await Eventually.TrueAsync(async () => (await client.GetDashboardAsync()).CurrentWorkers < 6, Patience));
    }

    [Fact]
    public async Task A_job_that_even_the_maximum_cannot_finish_in_time_says_so_and_still_completes()
    {
        await using var cluster = await TopologyCluster.StartAsync(_temp.File("state.db"));
        var client = new ScalabilityClient(cluster.Client);
        await client.ConfigureAutoScalerAsync(new AutoScalerSettings(Enabled: true, MinWorkers: 1, MaxWorkers: 3));
        var input = _temp.File("tickets.csv");
        await using (var file = File.Create(input))
        {
            SyntheticTicketGenerator.Write(file, 3_000, seed: 3);
        }

        var jobId = ScalabilityClient.NewJobId();
        await client.SubmitAsync(jobId, new JobSpec(input, _temp.File("results.csv"), ChunkSize: 10,
            Processor: new ProcessorSpec(SlowProcessorFactory.SlowKind), TimeLimitHours: 0.0001));

        var notices = new List<string>();
        await foreach (var progress in client.WatchAsync(jobId))
        {
            if (progress.Notice is { } notice && !notices.Contains(notice))
            {
                notices.Add(notice);
            }
        }

        var warning = notices.FirstOrDefault();

        var summary = await client.WaitForCompletionAsync(jobId);
        Assert.Equal((JobStatus.Completed, 3_000L), (summary.Status, summary.Ok));
        Assert.True(warning is not null, "no warning was given");
        Assert.True(notices.All(n => n.StartsWith("will not meet", StringComparison.Ordinal)), string.Join(Environment.NewLine, notices));
        Assert.StartsWith("will not meet its time limit: projected to finish at ", warning);
        Assert.EndsWith("even the AutoScaler's maximum of 3 cannot make it", warning);
        Assert.Null((await client.GetProgressAsync(jobId)).Notice);
    }
}
