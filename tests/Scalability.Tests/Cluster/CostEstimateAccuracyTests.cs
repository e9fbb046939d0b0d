using System.Globalization;
using Xunit.Abstractions;
using Scalability.Client;
using Scalability.GrainInterfaces.Costing;
using Scalability.Grains.Costing;
using Scalability.Grains.Ingest;
using Scalability.LlmSimulation;
using Scalability.Tests.Llm;
using Scalability.Tests.Support;

namespace Scalability.Tests.Cluster;

/// <summary>
/// The llm cost estimate against a real job through the simulated endpoint, which bills with the same kind of tokenizer
/// a real endpoint uses: the estimate, made from a sample before the run, is within ±10% of what the run was billed.
/// The 2K case runs with the tests; with 20,000 tickets it came within +1.4% (docs/cost-model.md).
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class CostEstimateAccuracyTests(ClusterFixture fixture, ITestOutputHelper log) : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly ScalabilityClient _client = new(fixture.Client);

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(2_000)]
    public async Task The_estimate_for_synthetic_tickets_is_within_ten_percent_of_the_jobs_bill(int tickets)
    {
        var input = _temp.File("tickets.csv");
        await using (var file = File.Create(input))
        {
            SyntheticTicketGenerator.Write(file, tickets, seed: 7);
        }

        await using var simulator = await LlmSimulator.StartAsync(new SimulatorOptions());
        var settings = LlmTicketProcessorTests.Settings(simulator);
        var (sample, tokens) = TokenEstimator.ForInput(new TokenSampleRequest(input, settings.Model, settings.Categories,
            settings.SummaryMaxWords, settings.MaxOutputTokens));
        var request = new PlanningRequest(sample.Dataset,
            new Workload(Workload.Llm, settings.Model, settings.InputUsdPerMillion, settings.OutputUsdPerMillion), tokens);
        var estimate = new CostProjector(request).Project(new RunConfiguration(4, 512, GrainInterfaces.Scaling.TargetMode.Balanced, 500));

        var jobId = ScalabilityClient.NewJobId();
        await _client.SubmitAsync(jobId, new JobSpec(input, _temp.File("results.csv"), ChunkSize: 500,
            Processor: new ProcessorSpec(ProcessorSpec.LlmKind, Llm: settings)));
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        var summary = await _client.WaitForCompletionAsync(jobId, timeout.Token);

        var (tokensIn, tokensOut) = (tokens.InputTokensMean * tickets, tokens.OutputTokensMean * tickets);
        var error = (double)((estimate.ProcessorUsd - summary.CostUsd) / summary.CostUsd);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"estimate {tokensIn:N0} + {tokensOut:N0} tokens, ${estimate.ProcessorUsd} (range ${estimate.CostLowUsd - estimate.ComputeUsd - estimate.MemoryUsd}–" +
            $"${estimate.CostHighUsd - estimate.ComputeUsd - estimate.MemoryUsd}); run {summary.TokensIn:N0} + {summary.TokensOut:N0} tokens, " +
            $"${summary.CostUsd}: {error:+0.00%;-0.00%}"));
        Assert.Equal(JobStatus.Completed, summary.Status);
        Assert.Equal(tickets, summary.Ok);
        Assert.Equal((simulator.Stats.PromptTokens, simulator.Stats.CompletionTokens), (summary.TokensIn, summary.TokensOut));
        Assert.InRange(error, -0.10, 0.10);
        Assert.InRange((tokensIn - summary.TokensIn) / summary.TokensIn, -0.10, 0.10);
        Assert.InRange((tokensOut - summary.TokensOut) / summary.TokensOut, -0.10, 0.10);
    }
}
