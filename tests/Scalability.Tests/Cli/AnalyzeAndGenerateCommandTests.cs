using System.Text.Json;
using Scalability.Tests.Support;

namespace Scalability.Tests.Cli;

public sealed class AnalyzeAndGenerateCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Analyze_reports_the_dataset_and_the_profile_that_fits_its_size()
    {
        var input = TestPaths.Dataset(TestPaths.Kaggle);

        var run = await ScaleCli.RunAsync(_temp.Path, "analyze", input, "--json");

        Assert.True(run.ExitCode == 0, run.StdErr);
        var analysis = JsonDocument.Parse(run.StdOut).RootElement;
        Assert.Equal(8469, analysis.GetProperty("rows").GetInt64());
        Assert.Equal(new FileInfo(input).Length, analysis.GetProperty("bytes").GetInt64());
        Assert.Equal(17, analysis.GetProperty("columns").GetArrayLength());
        Assert.Equal("Ticket ID", analysis.GetProperty("idColumn").GetString());
        Assert.Equal(["Ticket Subject", "Ticket Description"], analysis.GetProperty("textColumns").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(9, analysis.GetProperty("chunks").GetInt32());
        var profile = analysis.GetProperty("profile");
        Assert.Equal((4, 512, 0.045m), (profile.GetProperty("workers").GetInt32(), profile.GetProperty("memoryMbPerWorker").GetInt32(),
            profile.GetProperty("costPerTicketUsd").GetDecimal()));
        Assert.Equal(8469 * 0.045m, analysis.GetProperty("estimatedCostUsd").GetDecimal());
    }

    [Fact]
    public async Task Analyze_in_text_names_the_columns_and_the_profile()
    {
        var run = await ScaleCli.RunAsync(_temp.Path, "analyze", TestPaths.Dataset(TestPaths.Bitext));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("rows         4,514", run.StdOut);
        Assert.Contains("id column    (none: rows are numbered)", run.StdOut);
        Assert.Contains("text columns instruction", run.StdOut);
        Assert.Contains("  reference profile (for LLM-class processing; not an estimate of a run, which the cost analysis below is)", run.StdOut);
        Assert.Contains("    profile    small (1,001–10,000 rows): 4 workers × 512 MB, $0.045/ticket, ~28 min", run.StdOut);
        Assert.Contains("    its cost   $203.13 (its cost per ticket times the rows)", run.StdOut);
    }

    [Fact]
    public async Task Analyze_of_a_missing_file_is_bad_input()
    {
        var run = await ScaleCli.RunAsync(_temp.Path, "analyze", "nowhere.csv");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{Path.Combine(_temp.Path, "nowhere.csv")}: file not found", run.StdErr);
    }

    [Fact]
    public async Task Generate_writes_the_same_file_for_the_same_seed_and_it_runs_end_to_end()
    {
        var first = await ScaleCli.RunAsync(_temp.Path, "generate", "--rows", "3000", "--out", "a.csv", "--seed", "42");
        var second = await ScaleCli.RunAsync(_temp.Path, "generate", "--rows", "3000", "--out", "b.csv", "--seed", "42");
        var run = await ScaleCli.RunAsync(_temp.Path, "run", "a.csv", "--out", "a.results.csv", "--json", "--chunk-size", "400");

        Assert.Equal((0, 0), (first.ExitCode, second.ExitCode));
        Assert.Equal(File.ReadAllBytes(_temp.File("a.csv")), File.ReadAllBytes(_temp.File("b.csv")));
        Assert.True(run.ExitCode == 0, run.StdErr);
        var summary = JsonDocument.Parse(run.StdOut).RootElement;
        Assert.Equal((3000L, 3000L), (summary.GetProperty("inputRows").GetInt64(), summary.GetProperty("ok").GetInt64()));
        var results = CsvFiles.Read(_temp.File("a.results.csv"));
        Assert.Equal(CsvFiles.Read(_temp.File("a.csv")).Values("ticket_id"), results.Values("ticket_id"));
        Assert.True(results.Values("category").Distinct().Count() >= 6);
    }
}
