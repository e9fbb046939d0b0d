using System.Text.Json;
using Orleans.TestingHost;
using Scalability.Client;
using Scalability.GrainInterfaces;
using Scalability.Grains.Output;
using Scalability.Grains.Quality;
using Scalability.Tests.Quality;
using Scalability.Tests.Support;
using Xunit.Abstractions;

namespace Scalability.Tests.Cluster;

/// <summary>
/// A job's quality figures and review file through the grains, when its chunks are retried, when its silos die under
/// it, and when its clustering fails: exact every time, and the job completes.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class QualityJobTests(ClusterFixture fixture, ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_chunk_that_throws_once_is_counted_once_and_its_review_rows_are_written_once()
    {
        var spec = new JobSpec(PlantedTopics.Path, _temp.File("results.csv"), ChunkSize: 20, MaxWorkers: 3, TextColumns: ["subject", "body"],
            Processor: new ProcessorSpec(FaultyProcessorFactory.ThrowsOnceKind), ReviewBelow: PlantedTopics.ReviewBelow);

        var summary = await RunAsync(new ScalabilityClient(fixture.Client), spec);

        Assert.Equal((JobStatus.Completed, 1, 150L), (summary.Status, summary.ChunkRetries, summary.Ok));
        AssertExact(summary, spec, "ticket_id");
        Assert.Equal(3, summary.Quality!.Proposals.Count);
    }

    public static TheoryData<double, bool> KillPoints => new()
    {
        // The fraction of chunks committed when a silo is killed, and whether the victim is the job grain's silo.
        { 0.25, false },
        { 0.5, true },
    };

    [Theory]
    [MemberData(nameof(KillPoints))]
    public async Task A_silo_killed_mid_job_leaves_the_quality_figures_and_the_review_file_exact(double killAt, bool killJobSilo)
    {
        await using var cluster = await TopologyCluster.StartAsync(_temp.File("state.db"));
        var client = new ScalabilityClient(cluster.Client);
        // A threshold that sends more of these tickets to review than the clustering samples, so that the sample is exercised.
        var spec = new JobSpec(TestPaths.Dataset(TestPaths.Kaggle), _temp.File("results.csv"), 200,
            Processor: new ProcessorSpec(SlowProcessorFactory.SlowKind), ReviewBelow: 0.9);
        var jobId = ScalabilityClient.NewJobId();
        await client.SubmitAsync(jobId, spec);
        var chunks = (await MidJob.WaitForCommittedChunksAsync(client, jobId, 0, Patience)).ChunksTotal;
        var before = await MidJob.WaitForCommittedChunksAsync(client, jobId, (int)(chunks * killAt), Patience);

        var victim = await MidJob.PickVictimAsync(cluster, jobId, killJobSilo);
        await cluster.KillSiloAsync(victim);
        using var timeout = new CancellationTokenSource(Patience);
        var summary = await client.WaitForCompletionAsync(jobId, timeout.Token);

        output.WriteLine($"killed {victim.SiloAddress} at {before.ChunksDone}/{chunks} chunks with {before.ChunksRunning} running; {summary.ChunkRetries} retries");
        Assert.Equal((JobStatus.Completed, 8469L), (summary.Status, summary.Ok));
        AssertExact(summary, spec, "Ticket ID");
        // The proposals come from the review file alone: the same as those made from it here.
        var quality = summary.Quality!;
        var again = ReviewProposals.Find(quality.Review.Path!, quality.Review.Tickets, ProposerOptions.Default, TimeSpan.FromMinutes(2), CancellationToken.None);
        Assert.Equal(JsonSerializer.Serialize(again.Proposals, ScaleJson.Options), JsonSerializer.Serialize(quality.Proposals, ScaleJson.Options));
        Assert.True(quality.Review.Tickets > 4000, $"{quality.Review.Tickets} tickets to review: too few to be sampled");
        Assert.Equal((quality.Review.Tickets, 4000), (quality.Proposing!.ReviewTickets, quality.Proposing.Sampled));
    }

    [Fact]
    public async Task A_job_whose_clustering_fails_completes_with_the_reason_in_its_quality_section()
    {
        await using var cluster = await TopologyCluster.StartAsync(_temp.File("state.db"), silos: 1, jobs => jobs.ProposalTimeLimit = TimeSpan.Zero);
        var spec = new JobSpec(PlantedTopics.Path, _temp.File("results.csv"), ChunkSize: 50, TextColumns: ["subject", "body"]);

        var summary = await RunAsync(new ScalabilityClient(cluster.Client), spec);

        Assert.Equal((JobStatus.Completed, (string?)null), (summary.Status, summary.Error));
        AssertExact(summary, spec, "ticket_id");
        Assert.Empty(summary.Quality!.Proposals);
        Assert.Equal("the clustering was stopped at its time limit of 0 s", summary.Quality.Proposing!.Note);
    }

    /// <summary>The quality figures and the review file against the results file, and the summary file beside it.</summary>
    private static void AssertExact(JobSummary summary, JobSpec spec, string idColumn)
    {
        var results = CsvFiles.Read(spec.OutputPath);
        var reviewPath = PartFiles.ReviewPath(spec.OutputPath);
        var quality = summary.Quality!;
        QualityExpectations.AssertFigures(quality, results, spec.ReviewBelow, reviewPath);
        QualityExpectations.AssertReviewFile(reviewPath, results, spec.ReviewBelow, idColumn,
            r => string.Join("\n\n", summary.TextColumns.Select(c => r[results.Column(c)])));
        var written = JsonSerializer.Deserialize<JobSummary>(File.ReadAllText(PartFiles.SummaryPath(spec.OutputPath)), ScaleJson.Options)!;
        Assert.Equal(JsonSerializer.Serialize(quality, ScaleJson.Options), JsonSerializer.Serialize(written.Quality, ScaleJson.Options));
    }

    private static async Task<JobSummary> RunAsync(ScalabilityClient client, JobSpec spec)
    {
        var jobId = ScalabilityClient.NewJobId();
        await client.SubmitAsync(jobId, spec);
        using var timeout = new CancellationTokenSource(Patience);
        return await client.WaitForCompletionAsync(jobId, timeout.Token);
    }
}
