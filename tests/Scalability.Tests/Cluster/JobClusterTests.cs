using Scalability.Client;
using Scalability.Grains.Output;
using Scalability.Tests.Support;

namespace Scalability.Tests.Cluster;

[Collection(ClusterCollection.Name)]
public sealed class JobClusterTests(ClusterFixture fixture) : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly ScalabilityClient _client = new(fixture.Client);
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_job_writes_every_input_row_once_in_input_order_through_the_grains()
    {
        var input = TestPaths.Dataset(TestPaths.Bitext);
        var output = _temp.File("bitext.results.csv");

        var summary = await RunAsync(new JobSpec(input, output, ChunkSize: 500, MaxWorkers: 4));

        var source = CsvFiles.Read(input);
        var results = CsvFiles.Read(output);
        Assert.Equal(JobStatus.Completed, summary.Status);
        Assert.Equal((4514L, 4514L, 0L, 0L), (summary.InputRows, summary.Ok, summary.Failed, summary.Rejected));
        Assert.Equal(10, summary.Chunks);
        Assert.Equal(0, summary.ChunkRetries);
        // No id column in this dataset: rows are numbered, and every number appears once, in order.
        Assert.Equal(Enumerable.Range(1, 4514).Select(n => n.ToString()), results.Values("row"));
        Assert.Equal(source.Values("instruction"), results.Values("instruction"));
        Assert.Equal(source.Values("response"), results.Values("response"));
        Assert.Equal(source.Values("category"), results.Values("input.category"));
        Assert.All(results.Values("status"), s => Assert.Equal("ok", s));
        Assert.Equal(summary.Categories.Values.Sum(), summary.Ok);
        Assert.Equal(
            results.Values("category").GroupBy(c => c).ToDictionary(g => g.Key, g => (long)g.Count()),
            summary.Categories);
        Assert.True(File.Exists(PartFiles.SummaryPath(output)), "the summary is written before the job reports completion");
        Assert.True(await Eventually.TrueAsync(() => !Directory.Exists(PartFiles.PartDirectory(output)), TimeSpan.FromSeconds(30)),
            "the part files are deleted once the output holds them");
    }

    [Fact]
    public async Task A_chunk_that_throws_once_is_retried_and_the_output_is_still_exact()
    {
        var input = TestPaths.Dataset(TestPaths.Kaggle);
        var output = _temp.File("kaggle.results.csv");

        var summary = await RunAsync(new JobSpec(input, output, ChunkSize: 1000, MaxWorkers: 3,
            Processor: new ProcessorSpec(FaultyProcessorFactory.ThrowsOnceKind)));

        var source = CsvFiles.Read(input);
        var results = CsvFiles.Read(output);
        Assert.Equal(JobStatus.Completed, summary.Status);
        Assert.Equal((8469L, 8469L, 0L, 0L), (summary.InputRows, summary.Ok, summary.Failed, summary.Rejected));
        Assert.Equal(1, summary.ChunkRetries);
        Assert.Equal(source.Values("Ticket ID"), results.Values("Ticket ID"));
        Assert.Equal(8469, results.Values("Ticket ID").Distinct().Count());
        Assert.Equal(source.Values("Ticket Description"), results.Values("Ticket Description"));
        Assert.Contains(source.Values("Ticket Description"), d => d.Contains('\n'));
    }

    [Fact]
    public async Task A_chunk_that_always_throws_is_written_as_failed_rows_and_the_counts_balance()
    {
        var input = TestPaths.Dataset(TestPaths.Kaggle);
        var output = _temp.File("failing.results.csv");

        var summary = await RunAsync(new JobSpec(input, output, ChunkSize: 1000, MaxWorkers: 2, MaxChunkAttempts: 2,
            Processor: new ProcessorSpec(FaultyProcessorFactory.AlwaysThrowsKind)));

        var results = CsvFiles.Read(output);
        Assert.Equal(JobStatus.Completed, summary.Status);
        Assert.Equal((8469L, 7469L, 1000L, 0L), (summary.InputRows, summary.Ok, summary.Failed, summary.Rejected));
        Assert.Equal(summary.InputRows, summary.Ok + summary.Failed + summary.Rejected);
        Assert.Equal(2, summary.ChunkRetries);
        Assert.Equal(CsvFiles.Read(input).Values("Ticket ID"), results.Values("Ticket ID"));
        var failed = results.Rows.Where(r => r[results.Column("status")] == "failed").ToList();
        Assert.Equal(1000, failed.Count);
        Assert.All(failed, r =>
        {
            Assert.Equal("InvalidOperationException: injected failure on attempt 2", r[results.Column("error")]);
            Assert.Equal("", r[results.Column("category")]);
        });
        // The failed rows are exactly the second chunk's: records 1001 to 2000.
        Assert.Equal(Enumerable.Range(1000, 1000), results.Rows.Select((r, i) => (r, i)).Where(x => x.r[results.Column("status")] == "failed").Select(x => x.i));
    }

    [Fact]
    public async Task Resubmitting_the_same_job_id_does_not_start_it_twice_and_a_different_spec_is_refused()
    {
        var input = TestPaths.Dataset(TestPaths.Bitext);
        var spec = new JobSpec(input, _temp.File("same.csv"), ChunkSize: 2000, TextColumns: ["instruction"]);
        var jobId = ScalabilityClient.NewJobId();

        await _client.SubmitAsync(jobId, spec);
        var again = await _client.SubmitAsync(jobId, spec with { TextColumns = ["instruction"] });
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _client.SubmitAsync(jobId, spec with { ChunkSize = 10 }));
        var summary = await WaitAsync(jobId);

        Assert.Equal(jobId, again.JobId);
        Assert.Contains("already exists", error.Message);
        Assert.Equal((4514L, 4514L), (summary.InputRows, summary.Ok));
        Assert.Equal(4514, CsvFiles.Read(spec.OutputPath).Rows.Count);
    }

    [Fact]
    public async Task A_job_on_an_unusable_input_fails_with_the_reason()
    {
        var input = _temp.Write("header-only.csv", "id,subject,body\n");

        var summary = await RunAsync(new JobSpec(input, _temp.File("out.csv")));

        Assert.Equal(JobStatus.Failed, summary.Status);
        Assert.Equal($"{input}:1: the file has a header (3 columns) but no data rows", summary.Error);
        Assert.Null(summary.OutputPath);
    }

    private async Task<JobSummary> RunAsync(JobSpec spec)
    {
        var jobId = ScalabilityClient.NewJobId();
        await _client.SubmitAsync(jobId, spec);
        return await WaitAsync(jobId);
    }

    private async Task<JobSummary> WaitAsync(string jobId)
    {
        using var timeout = new CancellationTokenSource(Patience);
        return await _client.WaitForCompletionAsync(jobId, timeout.Token);
    }
}
