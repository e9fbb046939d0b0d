using System.Text.Json;
using Scalability.Tests.Support;

namespace Scalability.Tests.Cli;

/// <summary><c>scale optimize</c> and the cost analysis of <c>scale analyze</c>, through the real command.</summary>
public sealed class OptimizeCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task The_seeds_example_finds_a_plan_within_500_dollars_4_hours_and_8_GB()
    {
        var run = await ScaleCli.RunAsync(_temp.Path, "optimize", "--tickets", "100000", "--processor", "llm", "--llm-model", "gpt-4o-mini",
            "--budget", "500", "--time-limit", "4", "--memory-limit", "8", "--json");

        Assert.True(run.ExitCode == 0, run.StdErr);
        var answer = JsonDocument.Parse(run.StdOut).RootElement;
        Assert.Equal(100_000, answer.GetProperty("dataset").GetProperty("rows").GetInt64());
        Assert.Equal("synthetic tickets", answer.GetProperty("tokens").GetProperty("sampledFrom").GetString());
        var result = answer.GetProperty("result");
        Assert.True(result.GetProperty("feasible").GetBoolean());
        var best = result.GetProperty("best");
        Assert.InRange(best.GetProperty("totalCostUsd").GetDecimal(), 0.01m, 500m);
        Assert.InRange(best.GetProperty("durationHours").GetDouble(), 0, 4);
        Assert.InRange(best.GetProperty("peakMemoryGb").GetDouble(), 0, 8);
        Assert.True(best.GetProperty("costLowUsd").GetDecimal() < best.GetProperty("costHighUsd").GetDecimal());
        Assert.Contains(best.GetProperty("configuration").GetProperty("mode").GetString(),
            new[] { "balanced", "speedOptimized", "memoryOptimized", "costOptimized" });
    }

    [Fact]
    public async Task In_text_it_names_the_configuration_the_binding_limit_and_the_assumptions()
    {
        var run = await ScaleCli.RunAsync(_temp.Path, "optimize", "--tickets", "100000", "--budget", "500", "--time-limit", "4", "--memory-limit", "8");

        Assert.True(run.ExitCode == 0, run.StdErr);
        Assert.StartsWith("optimize 100,000 tickets (local) within budget $500.00, 4 hours, 8 GB", run.StdOut);
        Assert.Contains("  best         1 worker × 128 MB, ", run.StdOut);
        Assert.Contains("  binding      none (the cheapest configuration there is)", run.StdOut);
        Assert.Contains("    - throughput: 40,000 tickets/s per busy core for the local processor", run.StdOut);
    }

    [Fact]
    public async Task A_budget_no_configuration_meets_exits_3_and_says_how_far_to_raise_it()
    {
        var text = await ScaleCli.RunAsync(_temp.Path, "optimize", "--tickets", "100000", "--processor", "llm", "--llm-model", "gpt-4o-mini",
            "--budget", "1", "--time-limit", "4");
        var json = await ScaleCli.RunAsync(_temp.Path, "optimize", "--tickets", "100000", "--processor", "llm", "--llm-model", "gpt-4o-mini",
            "--budget", "1", "--time-limit", "4", "--json");

        Assert.Equal((3, 3), (text.ExitCode, json.ExitCode));
        Assert.Contains("  infeasible   no configuration meets the budget with the others", text.StdOut);
        Assert.Contains("  to fit       raise the budget to $", text.StdOut);
        var result = JsonDocument.Parse(json.StdOut).RootElement.GetProperty("result");
        Assert.False(result.GetProperty("feasible").GetBoolean());
        Assert.Equal(["budget"], result.GetProperty("violatedConstraints").EnumerateArray().Select(e => e.GetString()));
        var relaxed = result.GetProperty("relaxations")[0].GetProperty("limits").GetProperty("budgetUsd").GetDecimal();

        var raised = await ScaleCli.RunAsync(_temp.Path, "optimize", "--tickets", "100000", "--processor", "llm", "--llm-model", "gpt-4o-mini",
            "--budget", relaxed.ToString(System.Globalization.CultureInfo.InvariantCulture), "--time-limit", "4");
        Assert.True(raised.ExitCode == 0, raised.StdOut);
    }

    [Fact]
    public async Task An_input_is_planned_from_its_own_tickets()
    {
        var input = TestPaths.Dataset(TestPaths.Bitext);

        var run = await ScaleCli.RunAsync(_temp.Path, "optimize", "--input", input, "--processor", "llm", "--llm-model", "gpt-4.1-mini", "--json");

        Assert.True(run.ExitCode == 0, run.StdErr);
        var answer = JsonDocument.Parse(run.StdOut).RootElement;
        Assert.Equal(4514, answer.GetProperty("dataset").GetProperty("rows").GetInt64());
        Assert.Equal(new FileInfo(input).Length, answer.GetProperty("dataset").GetProperty("bytes").GetInt64());
        Assert.Equal(400, answer.GetProperty("tokens").GetProperty("sampleSize").GetInt32());
        Assert.Equal("the input", answer.GetProperty("tokens").GetProperty("sampledFrom").GetString());
    }

    [Theory]
    [InlineData("error: give either --tickets <count> or --input <csv>", "--budget", "5")]
    [InlineData("error: give either --tickets <count> or --input <csv>", "--tickets", "10", "--input", "x.csv")]
    [InlineData("error: --tickets must be at least 1 (got 0)", "--tickets", "0")]
    [InlineData("error: --budget must be more than 0 (got 0)", "--tickets", "10", "--budget", "0")]
    [InlineData("error: --processor llm needs --llm-model", "--tickets", "10", "--processor", "llm")]
    [InlineData("error: no price is known for model 'house-model'", "--tickets", "10", "--processor", "llm", "--llm-model", "house-model")]
    [InlineData("error: the --llm-…, token price and rate limit options are for --processor llm", "--tickets", "10", "--llm-model", "gpt-4o-mini")]
    public async Task Bad_usage_exits_2_with_what_is_wrong(string message, params string[] args)
    {
        var run = await ScaleCli.RunAsync(_temp.Path, ["optimize", .. args]);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith(message, run.StdErr);
    }

    [Fact]
    public async Task A_missing_input_exits_2_and_names_it()
    {
        var run = await ScaleCli.RunAsync(_temp.Path, "optimize", "--input", "nowhere.csv");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{Path.Combine(_temp.Path, "nowhere.csv")}: file not found", run.StdErr);
    }

    [Fact]
    public async Task Analyze_adds_the_comprehensive_cost_analysis_to_its_json()
    {
        var run = await ScaleCli.RunAsync(_temp.Path, "analyze", TestPaths.Dataset(TestPaths.Bitext), "--processor", "llm", "--llm-model", "gpt-4o-mini",
            "--budget", "500", "--time-limit", "4", "--memory-limit", "8", "--json");

        Assert.True(run.ExitCode == 0, run.StdErr);
        var analysis = JsonDocument.Parse(run.StdOut).RootElement;
        Assert.Equal(4514, analysis.GetProperty("rows").GetInt64());
        var cost = analysis.GetProperty("costAnalysis");
        var projection = cost.GetProperty("projection");
        Assert.Equal((4, 512), (projection.GetProperty("configuration").GetProperty("workers").GetInt32(),
            projection.GetProperty("configuration").GetProperty("memoryMbPerWorker").GetInt32()));
        Assert.True(projection.GetProperty("costLowUsd").GetDecimal() < projection.GetProperty("costHighUsd").GetDecimal());
        Assert.True(projection.GetProperty("processorUsd").GetDecimal() > 0);
        Assert.True(cost.GetProperty("optimalCostPerTicketUsd").GetDecimal() > 0);
        Assert.True(cost.GetProperty("optimalCostPerTicketUsd").GetDecimal() <= projection.GetProperty("costPerTicketUsd").GetDecimal());
        Assert.True(cost.GetProperty("recommendation").GetProperty("feasible").GetBoolean());
        Assert.Equal("o200k_base", analysis.GetProperty("tokens").GetProperty("encoding").GetString());
    }

    [Fact]
    public async Task Analyze_in_text_shows_the_cost_range_the_optimal_cost_per_ticket_and_a_recommendation()
    {
        var run = await ScaleCli.RunAsync(_temp.Path, "analyze", TestPaths.Dataset(TestPaths.Bitext), "--workers", "2", "--mode", "cost");

        Assert.True(run.ExitCode == 0, run.StdErr);
        Assert.Contains("  cost analysis (local; 2 workers × 512 MB, cost_optimized, chunks of 1,000 rows)", run.StdOut);
        Assert.Contains("    cost range   $", run.StdOut);
        Assert.Contains("    optimal      $", run.StdOut);
        Assert.Contains("  recommendation (", run.StdOut);
        Assert.Contains("    best         ", run.StdOut);
    }

    [Fact]
    public async Task Analyze_on_a_fresh_state_calibrates_the_local_processor_on_the_input_and_plans_from_it()
    {
        var run = await ScaleCli.RunAsync(_temp.Path, "analyze", TestPaths.Dataset(TestPaths.Bitext));

        Assert.True(run.ExitCode == 0, run.StdErr);
        Assert.StartsWith("calibrating: no earlier run of the local processor plans this input, so a sample of it runs through the chunk path", run.StdErr);
        var calibrated = System.Text.RegularExpressions.Regex.Match(run.StdOut, @"\n  calibration  ([\d,]+) rows in (\d+) chunks on (\d) workers?, ");
        Assert.True(calibrated.Success, run.StdOut);
        // Four chunks a worker, one per core (as many as a run starts with).
        Assert.Equal(4 * int.Parse(calibrated.Groups[3].Value), int.Parse(calibrated.Groups[2].Value));
        Assert.Contains($"tickets/s per worker, measured by a calibration run of the local processor on {calibrated.Groups[1].Value} rows of this input (±20% for the range)", run.StdOut);
        Assert.Contains("phases as the calibration run measured them: the planning scan at ", run.StdOut);
        Assert.DoesNotContain("40,000 tickets/s per busy core", run.StdOut);
        // Nothing of it is kept: a fresh state folder stays fresh.
        Assert.False(Directory.Exists(Path.Combine(_temp.Path, ".scale")));
    }

    [Fact]
    public async Task Analyze_with_calibrate_false_plans_from_the_reference_and_says_so()
    {
        var run = await ScaleCli.RunAsync(_temp.Path, "analyze", TestPaths.Dataset(TestPaths.Bitext), "--calibrate", "false", "--json");

        Assert.True(run.ExitCode == 0, run.StdErr);
        Assert.DoesNotContain("calibrating", run.StdErr);
        var analysis = JsonDocument.Parse(run.StdOut).RootElement;
        Assert.Equal(JsonValueKind.Null, analysis.GetProperty("calibration").ValueKind);
        Assert.Contains(analysis.GetProperty("costAnalysis").GetProperty("projection").GetProperty("assumptions").EnumerateArray(),
            a => a.GetString()!.StartsWith("throughput: 40,000 tickets/s per busy core for the local processor", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Analyze_calibrates_only_the_local_processor()
    {
        var run = await ScaleCli.RunAsync(_temp.Path, "analyze", TestPaths.Dataset(TestPaths.Bitext), "--calibrate", "--processor", "llm", "--llm-model", "gpt-4o-mini");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: --calibrate runs the local processor; the llm processor is planned from its own runs", run.StdErr);
    }

    [Fact]
    public async Task Analyze_refuses_an_unknown_mode()
    {
        var run = await ScaleCli.RunAsync(_temp.Path, "analyze", TestPaths.Dataset(TestPaths.Bitext), "--mode", "fastest");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: --mode: 'fastest' is not one of balanced, speed_optimized, memory_optimized, cost_optimized", run.StdErr);
    }
}
