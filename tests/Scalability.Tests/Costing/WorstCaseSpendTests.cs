using Scalability.Grains.Costing;
using Scalability.Grains.Ingest;
using Scalability.Grains.Processing.Llm;
using Scalability.LlmSimulation;
using Scalability.Tests.Llm;
using Scalability.Tests.Support;

namespace Scalability.Tests.Costing;

public sealed class WorstCaseSpendTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    public async Task A_chunk_never_costs_more_than_its_worst_case_even_when_every_reply_needs_a_repair(double malformed)
    {
        var input = _temp.File("tickets.csv");
        await using (var file = File.Create(input))
        {
            SyntheticTicketGenerator.Write(file, 120, seed: 9);
        }

        var manifest = ManifestScanner.Scan(input, chunkSize: 120);
        var mapping = ColumnMapper.Map(input, ColumnSample.Read(input), null, null, null);
        var chunk = Assert.Single(manifest.Chunks);
        var tickets = TicketInputs.Read(manifest, chunk, mapping, CancellationToken.None).OfType<TicketInput>().Select(t => t.Ticket).ToArray();
        await using var simulator = await LlmSimulator.StartAsync(new SimulatorOptions { MalformedFraction = malformed });
        var settings = LlmTicketProcessorTests.Settings(simulator);
        var spec = new ProcessorSpec(ProcessorSpec.LlmKind, Llm: settings);

        var processor = new LlmProcessorFactory().Create(spec, new ChunkAssignment("job", 0, 1, ChunkWork.Process, null, "silo"));
        var results = await processor.ProcessAsync(tickets, CancellationToken.None);
        var spent = results.Sum(r => r.CostUsd);
        var bound = new WorstCaseSpend(spec).Of(chunk);

        Assert.Equal(120, tickets.Length);
        Assert.Equal(malformed > 0 ? 240 : 120, simulator.Stats.RequestsTotal);
        Assert.True(spent > 0 && spent <= bound, $"spent {spent} against a worst case of {bound}");
        // A bound far above any real bill would stop budgeted jobs long before their budget.
        Assert.True(bound <= 40 * spent, $"the worst case {bound} is {bound / spent:0.#}× the bill {spent}");
    }

    [Fact]
    public void Processors_not_billed_per_token_have_no_worst_case()
    {
        var chunk = new ChunkBounds(0, 0, 1_000_000, 1, 2, 5_000);

        Assert.Equal(0m, new WorstCaseSpend(ProcessorSpec.Local).Of(chunk));
        Assert.Equal(0m, new WorstCaseSpend(ProcessorSpec.Local).OfLargest([chunk, chunk with { Rows = 9_000 }]));
    }

    [Fact]
    public void The_worst_case_grows_with_rows_and_bytes_and_the_largest_chunk_sets_it()
    {
        var spec = new ProcessorSpec(ProcessorSpec.LlmKind, Llm: new LlmSettings("http://localhost/v1/", "m",
            InputUsdPerMillion: 1m, OutputUsdPerMillion: 4m));
        var bound = new WorstCaseSpend(spec);
        var small = new ChunkBounds(0, 0, 10_000, 1, 2, 50);
        var moreRows = small with { Rows = 100 };
        var moreBytes = small with { EndByte = 20_000 };

        Assert.True(bound.Of(moreRows) > bound.Of(small));
        // Each byte of ticket text may be a token in both the request and its repair.
        Assert.Equal(2 * 10_000 * 1m / 1_000_000m, bound.Of(moreBytes) - bound.Of(small));
        Assert.Equal(bound.Of(moreRows), bound.OfLargest([small, moreRows, moreBytes with { Index = 2 }]));
    }
}
