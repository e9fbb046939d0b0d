using Xunit.Abstractions;
using System.Globalization;
using Scalability.Client;
using Scalability.Grains.Ingest;
using Scalability.LlmSimulation;
using Scalability.Tests.Llm;
using Scalability.Tests.Support;

namespace Scalability.Tests.Cluster;

/// <summary>
/// Whole llm jobs on two silos against the simulated endpoint over HTTP, with its faults switched on: every row comes
/// out ok or failed with its reason, and the job's bill matches the endpoint's to the token and the cent.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class LlmJobTests(ClusterFixture fixture, ITestOutputHelper log) : IDisposable
{
    private static readonly string[] FailureKinds = ["timeout", "rate_limited", "invalid_output", "processor_error"];

    private readonly TempFolder _temp = new();
    private readonly ScalabilityClient _client = new(fixture.Client);

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_10K_ticket_job_through_errors_malformed_replies_and_a_rate_limit_completes_and_its_bill_matches_the_endpoints()
    {
        const int tickets = 10_000;
        var input = _temp.File("tickets.csv");
        await using (var file = File.Create(input))
        {
            SyntheticTicketGenerator.Write(file, tickets, seed: 4);
        }

        await using var simulator = await LlmSimulator.StartAsync(new SimulatorOptions
        {
            ServerErrorFraction = 0.05,
            MalformedFraction = 0.01,
            RequestsPerSecond = 400,
            Seed = 11,
        });
        var settings = LlmTicketProcessorTests.Settings(simulator) with { MaxAttempts = 10 };
        var output = _temp.File("results.csv");

        var summary = await RunAsync(new JobSpec(input, output, ChunkSize: 500,
            Processor: new ProcessorSpec(ProcessorSpec.LlmKind, Llm: settings)));

        var stats = simulator.Stats;
        log.WriteLine($"{summary.Ok} ok, {summary.Failed} failed ({string.Join(", ", summary.Failures.Select(f => $"{f.Key} {f.Value}"))}) " +
                      $"in {summary.DurationSeconds:0.0} s; endpoint: {stats.RequestsTotal} requests, {stats.ServerErrors} 5xx, " +
                      $"{stats.Malformed} malformed, {stats.RateLimited} 429; {summary.TokensIn} + {summary.TokensOut} tokens, ${summary.CostUsd}");
        Assert.Equal(JobStatus.Completed, summary.Status);
        Assert.Equal((tickets, tickets), (summary.InputRows, summary.Ok + summary.Failed));
        Assert.True(stats.ServerErrors > 0 && stats.Malformed > 0 && stats.RateLimited > 0,
            $"the faults were not all met: {stats.ServerErrors} server errors, {stats.Malformed} malformed, {stats.RateLimited} rate limited");

        var results = CsvFiles.Read(output);
        Assert.Equal(tickets, results.Rows.Count);
        var (status, kind, error) = (results.Column("status"), results.Column("failure_kind"), results.Column("error"));
        Assert.All(results.Rows, row =>
        {
            if (row[status] == "ok")
            {
                Assert.Equal(("", ""), (row[kind], row[error]));
            }
            else
            {
                Assert.Equal("failed", row[status]);
                Assert.Contains(row[kind], FailureKinds);
                Assert.NotEqual("", row[error]);
            }
        });
        Assert.Equal(summary.Failed, results.Rows.Count(r => r[status] == "failed"));
        Assert.Equal(summary.Failures.Values.Sum(), summary.Failed);
        // The endpoint's answers name no language: the job detects it, for failed rows too. The generator writes English.
        Assert.Equal(Enumerable.Repeat("en", tickets), results.Values("language"));

        // The bill: every token the endpoint counted, nothing more, priced exactly.
        Assert.Equal(0, summary.ChunkRetries);
        Assert.Equal((stats.PromptTokens, stats.CompletionTokens), (summary.TokensIn, summary.TokensOut));
        Assert.Equal((stats.PromptTokens * settings.InputUsdPerMillion + stats.CompletionTokens * settings.OutputUsdPerMillion) / 1_000_000m,
            summary.CostUsd);
        Assert.Equal((stats.RequestsTotal, stats.RateLimited), (summary.Requests, summary.RateLimitedResponses));
        Assert.Equal(summary.TokensIn, results.Values("tokens_in").Sum(long.Parse));
        Assert.Equal(summary.CostUsd, results.Values("cost_usd").Sum(v => decimal.Parse(v, CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task A_job_over_its_error_budget_fails_with_the_figures_and_stops_asking()
    {
        var input = TestPaths.Dataset(TestPaths.Bitext);
        await using var simulator = await LlmSimulator.StartAsync(new SimulatorOptions { MalformedFraction = 1 });
        var settings = LlmTicketProcessorTests.Settings(simulator);

        var summary = await RunAsync(new JobSpec(input, _temp.File("budget.csv"), ChunkSize: 100, MaxWorkers: 2,
            TextColumns: ["instruction"], Processor: new ProcessorSpec(ProcessorSpec.LlmKind, Llm: settings), MaxFailedFraction: 0.05));

        Assert.Equal(JobStatus.Failed, summary.Status);
        Assert.Equal(0, summary.Ok);
        Assert.InRange(summary.Failed, 226, 4514 - 100);
        Assert.Equal(
            $"the error budget is spent: {summary.Failed} of 4514 rows failed ({100.0 * summary.Failed / 4514:0.##}%), more than the 5% allowed by --max-failed-fraction 0.05",
            summary.Error);
        // It stopped leasing as soon as the budget was spent: at most the chunks then in flight ran on.
        Assert.InRange(simulator.Stats.RequestsTotal, 2 * summary.Failed, 2 * (summary.Failed + 4 * 100));
    }

    [Fact]
    public async Task A_library_job_that_leaves_prices_to_the_table_is_billed_at_the_tables_price_and_an_unknown_model_is_refused()
    {
        var input = _temp.File("few.csv");
        await File.WriteAllTextAsync(input, "id,text\n1,I was charged twice\n2,Please cancel my plan\n3,Where is my parcel\n");
        await using var simulator = await LlmSimulator.StartAsync(new SimulatorOptions());
        var settings = new LlmSettings(simulator.BaseAddress.ToString(), "gpt-4o-mini");

        var summary = await RunAsync(new JobSpec(input, _temp.File("priced.csv"), Processor: new ProcessorSpec(ProcessorSpec.LlmKind, Llm: settings)));
        var unknown = await Assert.ThrowsAsync<ArgumentException>(() => _client.SubmitAsync(ScalabilityClient.NewJobId(),
            new JobSpec(input, _temp.File("unpriced.csv"), Processor: new ProcessorSpec(ProcessorSpec.LlmKind, Llm: settings with { Model = "house-model" }))));

        var price = Grains.Costing.ModelPrices.Default.Find("gpt-4o-mini")!;
        Assert.Equal((JobStatus.Completed, 3L), (summary.Status, summary.Ok));
        Assert.Equal(price.Cost(simulator.Stats.PromptTokens, simulator.Stats.CompletionTokens), summary.CostUsd);
        Assert.True(summary.CostUsd > 0);
        Assert.StartsWith("no price is known for model 'house-model'", unknown.Message);
    }

    private async Task<JobSummary> RunAsync(JobSpec spec)
    {
        var jobId = ScalabilityClient.NewJobId();
        await _client.SubmitAsync(jobId, spec);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        return await _client.WaitForCompletionAsync(jobId, timeout.Token);
    }
}
