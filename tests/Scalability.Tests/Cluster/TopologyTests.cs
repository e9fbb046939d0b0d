using System.Diagnostics;
using Orleans.TestingHost;
using Scalability.Client;
using Scalability.Tests.Support;
using Xunit.Abstractions;

namespace Scalability.Tests.Cluster;

/// <summary>
/// Jobs on a cluster that changes under them: a silo that joins takes chunks, a silo that dies loses no rows, and no
/// row is written or counted twice.
/// </summary>
public sealed class TopologyTests(ITestOutputHelper output) : IDisposable
{
    private const int ChunkSize = 200;
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_silo_added_mid_job_takes_chunks_and_the_output_is_exact()
    {
        await using var cluster = await TopologyCluster.StartAsync(_temp.File("state.db"));
        var client = new ScalabilityClient(cluster.Client);
        var (jobId, spec) = await SubmitAsync(client);
        await MidJob.WaitForCommittedChunksAsync(client, jobId, 3, Patience);

        var joined = Stopwatch.StartNew();
        var added = await cluster.StartAdditionalSiloAsync();
        var newSilo = added.SiloAddress.ToParsableString();
        var tookWork = await Eventually.TrueAsync(
            async () => (await client.GetProgressAsync(jobId)).RowsPerSilo.GetValueOrDefault(newSilo) > 0, Patience);
        output.WriteLine($"the new silo committed its first chunk {joined.Elapsed.TotalSeconds:F2} s after it joined");
        using var timeout = Timeout();
        var summary = await client.WaitForCompletionAsync(jobId, timeout.Token);

        Assert.True(tookWork, "the silo that joined mid-job never committed a chunk");
        Assert.Equal(3, summary.RowsPerSilo.Count);
        Assert.True(summary.RowsPerSilo[newSilo] > 0);
        AssertExact(spec, summary);
    }

    public static TheoryData<double, bool> KillPoints => new()
    {
        // The fraction of chunks committed when a silo is killed, and whether the victim is the job grain's silo.
        { 0.0, false },
        { 0.25, true },
        { 0.5, false },
        { 0.75, true },
    };

    [Theory]
    [MemberData(nameof(KillPoints))]
    public async Task A_silo_killed_mid_job_loses_no_rows_and_duplicates_none(double killAt, bool killJobSilo)
    {
        await using var cluster = await TopologyCluster.StartAsync(_temp.File("state.db"));
        var client = new ScalabilityClient(cluster.Client);
        var (jobId, spec) = await SubmitAsync(client);
        var chunks = (await MidJob.WaitForCommittedChunksAsync(client, jobId, 0, Patience)).ChunksTotal;
        await MidJob.WaitForCommittedChunksAsync(client, jobId, (int)(chunks * killAt), Patience);

        var victim = await MidJob.PickVictimAsync(cluster, jobId, killJobSilo);
        var before = await client.GetProgressAsync(jobId);
        await cluster.KillSiloAsync(victim);
        using var timeout = Timeout();
        var summary = await client.WaitForCompletionAsync(jobId, timeout.Token);

        // Every attempt beyond the first is work redone: the killed silo's chunks in flight, and nothing else.
        output.WriteLine($"killed {victim.SiloAddress} at {before.ChunksDone}/{chunks} chunks with {before.ChunksRunning} running; " +
                         $"{summary.ChunkRetries} retries, rows per silo: {string.Join(", ", summary.RowsPerSilo.Select(s => $"{s.Key}={s.Value}"))}");
        AssertExact(spec, summary);
    }

    [Fact]
    public async Task A_silo_stopped_gracefully_mid_job_returns_its_chunks_to_the_queue_without_counting_failures()
    {
        await using var cluster = await TopologyCluster.StartAsync(_temp.File("state.db"));
        var client = new ScalabilityClient(cluster.Client);
        var (jobId, spec) = await SubmitAsync(client);
        await MidJob.WaitForCommittedChunksAsync(client, jobId, 10, Patience);

        var leaving = await MidJob.PickVictimAsync(cluster, jobId, jobSilo: false);
        var running = await Eventually.TrueAsync(
            async () => (await client.GetProgressAsync(jobId)).ChunksRunning == 2 * TopologyCluster.WorkersPerSilo, Patience);
        await cluster.StopSiloAsync(leaving);
        using var timeout = Timeout();
        var summary = await client.WaitForCompletionAsync(jobId, timeout.Token);

        Assert.True(running, "both silos never ran chunks at the same time");
        AssertExact(spec, summary);
        // Its chunks in flight went back to the queue (given back, or as a departed silo's), not as failed attempts.
        Assert.Equal(0, summary.ChunkRetries);
    }

    private async Task<(string JobId, JobSpec Spec)> SubmitAsync(ScalabilityClient client)
    {
        var spec = new JobSpec(TestPaths.Dataset(TestPaths.Kaggle), _temp.File("results.csv"), ChunkSize,
            Processor: new ProcessorSpec(SlowProcessorFactory.SlowKind));
        var jobId = ScalabilityClient.NewJobId();
        await client.SubmitAsync(jobId, spec);
        return (jobId, spec);
    }

    private static void AssertExact(JobSpec spec, JobSummary summary)
    {
        var source = CsvFiles.Read(spec.InputPath).Values("Ticket ID");
        var results = CsvFiles.Read(spec.OutputPath);
        Assert.Equal(JobStatus.Completed, summary.Status);
        Assert.Equal((8469L, 8469L, 0L, 0L), (summary.InputRows, summary.Ok, summary.Failed, summary.Rejected));
        Assert.Equal(summary.InputRows, summary.RowsPerSilo.Values.Sum());
        Assert.Equal(source, results.Values("Ticket ID"));
        Assert.Equal(source.Count(), results.Values("Ticket ID").Distinct().Count());
        Assert.All(results.Values("status"), s => Assert.Equal("ok", s));
    }

    private static CancellationTokenSource Timeout() => new(Patience);
}
