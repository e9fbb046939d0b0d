using Xunit.Abstractions;
using Scalability.Client;
using Scalability.Grains.Costing;
using Scalability.Grains.Ingest;
using Scalability.LlmSimulation;
using Scalability.Tests.Llm;
using Scalability.Tests.Support;

namespace Scalability.Tests.Cluster;

/// <summary>
/// The budget guard on two silos against the simulated endpoint: a job whose budget is smaller than its cost pauses
/// with its spend, and the endpoint's bill, within the budget, refuses a resume that would not cover a chunk, and
/// completes with a larger budget, billed exactly what the endpoint counted.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class BudgetJobTests(ClusterFixture fixture, ITestOutputHelper log) : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly ScalabilityClient _client = new(fixture.Client);

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_job_pauses_within_its_budget_and_completes_when_resumed_with_a_larger_one()
    {
        const int tickets = 2_000;
        const int chunkSize = 50;
        var input = _temp.File("tickets.csv");
        await using (var file = File.Create(input))
        {
            SyntheticTicketGenerator.Write(file, tickets, seed: 21);
        }

        await using var simulator = await LlmSimulator.StartAsync(new SimulatorOptions { MalformedFraction = 0.02, Seed = 5 });
        var settings = LlmTicketProcessorTests.Settings(simulator) with { InputUsdPerMillion = 2.5m, OutputUsdPerMillion = 10m };
        var processor = new ProcessorSpec(ProcessorSpec.LlmKind, Llm: settings);
        var worstChunk = new WorstCaseSpend(processor).OfLargest(ManifestScanner.Scan(input, chunkSize).Chunks);
        decimal Billed() => new ModelPrice(settings.Model, 2.5m, 10m).Cost(simulator.Stats.PromptTokens, simulator.Stats.CompletionTokens);
        // Room for one chunk's worst case and a little more: a chunk's real cost is a small share of its worst case,
        // so the job gets through a few chunks before the rest of the budget no longer covers one.
        var budget = 1.2m * worstChunk;
        var jobId = ScalabilityClient.NewJobId();

        await _client.SubmitAsync(jobId, new JobSpec(input, _temp.File("results.csv"), ChunkSize: chunkSize, MaxWorkers: 4,
            Processor: processor, BudgetUsd: budget));
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var pausedError = await Assert.ThrowsAsync<JobPausedException>(() => _client.WaitForCompletionAsync(jobId, timeout.Token));
        var paused = pausedError.Progress;

        log.WriteLine($"worst case per chunk ${worstChunk}; paused at ${paused.Usage.CostUsd} of ${budget} after {paused.Counts.Total} rows: {paused.Notice}");
        Assert.Equal((JobStatus.Paused, 0), (paused.Status, paused.ChunksRunning));
        Assert.InRange(paused.Counts.Total, chunkSize, tickets - chunkSize);
        Assert.True(paused.Usage.CostUsd <= budget, $"spent {paused.Usage.CostUsd} of {budget}");
        // Nothing was lost or retried: the endpoint billed exactly what the job counted, within the budget too.
        Assert.Equal(Billed(), paused.Usage.CostUsd);
        Assert.True(paused.Usage.CostUsd + worstChunk > budget, "it paused while the budget still covered another chunk");
        Assert.StartsWith($"paused at the budget of ${budget:0.00####}: ${paused.Usage.CostUsd:0.00####} spent", paused.Notice);
        Assert.Contains($"; {tickets - paused.Counts.Total} rows remain, and the whole job is projected to cost $", paused.Notice);
        Assert.EndsWith($"Continue with a larger budget: scale resume {jobId} --budget <USD>", paused.Notice);
        var perRow = paused.Usage.CostUsd / paused.Counts.Total;
        Assert.Equal(paused.Usage.CostUsd + (perRow * (tickets - paused.Counts.Total)), paused.ProjectedCostUsd);
        var stillPaused = await _client.GetProgressAsync(jobId);
        Assert.Equal((JobStatus.Paused, paused.Counts.Total), (stillPaused.Status, stillPaused.Counts.Total));

        // The same budget again cannot move it; one that covers the rest can.
        var refused = await Assert.ThrowsAsync<ArgumentException>(() => _client.ResumeAsync(jobId, budget));
        Assert.StartsWith($"a budget of ${budget:0.00####} does not cover the next chunk", refused.Message);
        Assert.Equal(JobStatus.Paused, (await _client.GetProgressAsync(jobId)).Status);
        var larger = 100 * worstChunk;
        var resumed = await _client.ResumeAsync(jobId, larger);
        var summary = await _client.WaitForCompletionAsync(jobId, timeout.Token);

        Assert.Equal(JobStatus.Running, resumed.Status);
        Assert.Equal((JobStatus.Completed, (long)tickets, larger), (summary.Status, summary.Ok + summary.Failed, summary.BudgetUsd));
        Assert.Equal(0, summary.ChunkRetries);
        Assert.Equal(Billed(), summary.CostUsd);
        Assert.True(summary.CostUsd <= larger);
        var results = CsvFiles.Read(summary.OutputPath!);
        // Every ticket exactly once, in input order, across the pause.
        Assert.Equal(Enumerable.Range(1, tickets).Select(i => $"T-{i:000000}"), results.Values("ticket_id"));
    }
}
