using System.Globalization;
using System.Text;
using System.Text.Json;
using Scalability.Grains.Costing;
using Scalability.Grains.Ingest;
using Scalability.LlmSimulation;
using Scalability.Tests.Support;

namespace Scalability.Tests.Cli;

/// <summary>
/// <c>scale run --budget</c> and <c>scale resume --budget</c> as a user runs them on the embedded silo: the run stops
/// at its budget with the figures and exit code 1, a resume with too little is refused, and one with enough finishes.
/// </summary>
public sealed class BudgetCommandTests : IDisposable
{
    private const int Rows = 400;
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_run_pauses_at_its_budget_and_scale_resume_with_a_larger_one_finishes_it()
    {
        var input = _temp.File("tickets.csv");
        var csv = new StringBuilder("ticket_id,text\n");
        for (var i = 1; i <= Rows; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{i},Ticket {i}: the parcel for order {i * 3} never arrived and I want a refund\n");
        }

        await File.WriteAllTextAsync(input, csv.ToString());
        await using var simulator = await LlmSimulator.StartAsync(new SimulatorOptions());
        var price = ModelPrices.Default.Find("gpt-4o-mini")!;
        var processor = new ProcessorSpec(ProcessorSpec.LlmKind, Llm: new LlmSettings(simulator.BaseAddress.ToString(), "gpt-4o-mini",
            InputUsdPerMillion: price.InputUsdPerMillion, OutputUsdPerMillion: price.OutputUsdPerMillion));
        var worstChunk = new WorstCaseSpend(processor).OfLargest(ManifestScanner.Scan(input, 20).Chunks);
        var budget = decimal.Round(1.3m * worstChunk, 6);
        var results = _temp.File("results.csv");

        var run = await ScaleCli.RunAsync(_temp.Path,
            "run", input, "--out", results, "--chunk-size", "20", "--max-workers", "2", "--processor", "llm",
            "--llm-endpoint", simulator.BaseAddress.ToString(), "--llm-model", "gpt-4o-mini",
            "--budget", budget.ToString(CultureInfo.InvariantCulture), "--json");

        Assert.True(run.ExitCode == 1, run.StdErr);
        using var paused = JsonDocument.Parse(run.StdOut);
        var jobId = paused.RootElement.GetProperty("jobId").GetString()!;
        var spent = paused.RootElement.GetProperty("usage").GetProperty("costUsd").GetDecimal();
        var done = paused.RootElement.GetProperty("counts").GetProperty("ok").GetInt64();
        Assert.Equal("paused", paused.RootElement.GetProperty("status").GetString(), ignoreCase: true);
        Assert.InRange(done, 20, Rows - 20);
        Assert.True(spent <= budget, $"spent {spent} of {budget}");
        Assert.Equal(price.Cost(simulator.Stats.PromptTokens, simulator.Stats.CompletionTokens), spent);
        Assert.Contains($"job {jobId} paused at the budget of ${budget:0.00####}: ${spent:0.00####} spent", run.StdErr);
        Assert.Contains($"{Rows - done} rows remain", run.StdErr);
        Assert.False(File.Exists(results));

        var tooLittle = await ScaleCli.RunAsync(_temp.Path, "resume", jobId, "--budget", budget.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(2, tooLittle.ExitCode);
        Assert.Contains($"error: job {jobId} stays paused: a budget of ${budget:0.00####} does not cover the next chunk", tooLittle.StdErr);

        var resumed = await ScaleCli.RunAsync(_temp.Path, "resume", jobId, "--budget", "50", "--json");
        Assert.True(resumed.ExitCode == 0, resumed.StdErr);
        Assert.Contains($"job {jobId} resumed with a budget of $50.00", resumed.StdErr);
        using var summary = JsonDocument.Parse(resumed.StdOut);
        Assert.Equal(Rows, summary.RootElement.GetProperty("ok").GetInt64());
        Assert.Equal(50m, summary.RootElement.GetProperty("budgetUsd").GetDecimal());
        Assert.Equal(price.Cost(simulator.Stats.PromptTokens, simulator.Stats.CompletionTokens), summary.RootElement.GetProperty("costUsd").GetDecimal());
        Assert.Equal(Enumerable.Range(1, Rows).Select(i => i.ToString(CultureInfo.InvariantCulture)), CsvFiles.Read(results).Values("ticket_id"));
    }
}
