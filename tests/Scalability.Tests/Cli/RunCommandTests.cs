using System.Text.Json;
using Scalability.Tests.Support;

namespace Scalability.Tests.Cli;

/// <summary>The real <c>scale run</c> on real and broken files: outputs, rejects, messages and exit codes.</summary>
public sealed class RunCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task The_kaggle_dataset_comes_out_with_every_ticket_once_and_its_multiline_text_intact()
    {
        var input = TestPaths.Dataset(TestPaths.Kaggle);
        var output = _temp.File("kaggle.csv");

        var run = await ScaleCli.RunAsync(_temp.Path, "run", input, "--out", output, "--json");

        Assert.True(run.ExitCode == 0, run.StdErr);
        var summary = JsonDocument.Parse(run.StdOut).RootElement;
        Assert.Equal("completed", summary.GetProperty("status").GetString());
        Assert.Equal(8469, summary.GetProperty("inputRows").GetInt64());
        Assert.Equal(summary.GetProperty("inputRows").GetInt64(),
            summary.GetProperty("ok").GetInt64() + summary.GetProperty("failed").GetInt64() + summary.GetProperty("rejected").GetInt64());
        Assert.Equal(output, summary.GetProperty("outputPath").GetString());
        Assert.Equal(JsonValueKind.Null, summary.GetProperty("rejectsPath").ValueKind);
        Assert.True(summary.GetProperty("durationSeconds").GetDouble() > 0);
        Assert.True(summary.GetProperty("ticketsPerSecond").GetDouble() > 0);
        Assert.Contains("columns: id = 'Ticket ID' (by name); text = 'Ticket Subject', 'Ticket Description' (by name)" + Environment.NewLine, run.StdErr);

        var source = CsvFiles.Read(input);
        var results = CsvFiles.Read(output);
        Assert.Equal(source.Values("Ticket ID").ToHashSet(), results.Values("Ticket ID").ToHashSet());
        Assert.Equal(results.Rows.Count, results.Values("Ticket ID").Distinct().Count());
        Assert.Equal(source.Values("Ticket Description"), results.Values("Ticket Description"));
        Assert.Equal(6150, results.Values("Ticket Description").Count(d => d.Contains('\n')));
    }

    [Fact]
    public async Task The_bitext_dataset_gets_row_numbers_for_ids_and_keeps_its_crlf_responses()
    {
        var input = TestPaths.Dataset(TestPaths.Bitext);
        var output = _temp.File("bitext.csv");

        var run = await ScaleCli.RunAsync(_temp.Path, "run", input, "--out", output, "--json", "--chunk-size", "700");

        Assert.True(run.ExitCode == 0, run.StdErr);
        var summary = JsonDocument.Parse(run.StdOut).RootElement;
        Assert.Equal((4514L, 4514L, 0L, 0L), (summary.GetProperty("inputRows").GetInt64(), summary.GetProperty("ok").GetInt64(),
            summary.GetProperty("failed").GetInt64(), summary.GetProperty("rejected").GetInt64()));
        Assert.Equal(7, summary.GetProperty("chunks").GetInt32());
        Assert.Contains("id = none found: rows are numbered in a 'row' column", run.StdErr);
        var source = CsvFiles.Read(input);
        var results = CsvFiles.Read(output);
        Assert.Equal(Enumerable.Range(1, 4514).Select(i => i.ToString()), results.Values("row"));
        Assert.Equal(source.Values("response"), results.Values("response"));
        Assert.Equal(3386, results.Values("response").Count(r => r.Contains("\r\n")));
    }

    [Fact]
    public async Task A_missing_file_is_bad_input_named_in_the_message()
    {
        var input = _temp.File("missing.csv");

        var run = await ScaleCli.RunAsync(_temp.Path, "run", input, "--out", _temp.File("out.csv"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"error: {input}: file not found", run.StdErr);
        Assert.Equal("", run.StdOut);
    }

    [Fact]
    public async Task An_empty_file_is_bad_input()
    {
        var input = _temp.Write("empty.csv", "");

        var run = await ScaleCli.RunAsync(_temp.Path, "run", input, "--out", _temp.File("out.csv"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"error: {input}: the file is empty (0 bytes): expected a header row and data rows", run.StdErr);
    }

    [Fact]
    public async Task A_header_only_file_is_bad_input_on_line_1()
    {
        var input = _temp.Write("header.csv", "ticket_id,subject,body\n");

        var run = await ScaleCli.RunAsync(_temp.Path, "run", input, "--out", _temp.File("out.csv"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"error: {input}:1: the file has a header (3 columns) but no data rows", run.StdErr);
        Assert.False(File.Exists(_temp.File("out.csv")));
    }

    [Fact]
    public async Task An_unbalanced_quote_goes_to_the_rejects_with_its_line_and_the_rows_before_it_are_processed()
    {
        var input = _temp.Write("quote.csv",
            "ticket_id,subject,body\nA1,Refund,I want my money back\nA2,Login,\"I cannot log in\nsince Monday\"\nA3,Broken,\"the quote opens here\nA4,Late,where is my parcel\n");
        var output = _temp.File("quote.results.csv");

        var run = await ScaleCli.RunAsync(_temp.Path, "run", input, "--out", output, "--json", "--chunk-size", "1");

        Assert.True(run.ExitCode == 0, run.StdErr);
        var summary = JsonDocument.Parse(run.StdOut).RootElement;
        Assert.Equal((3L, 2L, 0L, 1L), (summary.GetProperty("inputRows").GetInt64(), summary.GetProperty("ok").GetInt64(),
            summary.GetProperty("failed").GetInt64(), summary.GetProperty("rejected").GetInt64()));
        Assert.Equal(["A1", "A2"], CsvFiles.Read(output).Values("ticket_id"));
        var rejects = CsvFiles.Read(summary.GetProperty("rejectsPath").GetString()!);
        Assert.Equal(["line", "record", "reason", "raw"], rejects.Header);
        var reject = Assert.Single(rejects.Rows);
        Assert.Equal("5", reject[0]);
        Assert.Equal("3", reject[1]);
        Assert.StartsWith("unterminated quoted field", reject[2]);
        Assert.Equal("A3,Broken,\"the quote opens here\nA4,Late,where is my parcel\n", reject[3]);
        Assert.Contains("1 malformed record(s) were not processed", run.StdErr);
    }

    [Fact]
    public async Task A_row_with_the_wrong_field_count_is_rejected_and_the_rest_is_processed()
    {
        var input = _temp.Write("count.csv",
            "ticket_id,subject,body\nB1,Invoice,charged twice\nB2,Extra,has,one,too many\nB3,Password,reset link expired\n");
        var output = _temp.File("count.results.csv");

        var run = await ScaleCli.RunAsync(_temp.Path, "run", input, "--out", output, "--json");

        Assert.Equal(0, run.ExitCode);
        var summary = JsonDocument.Parse(run.StdOut).RootElement;
        Assert.Equal((3L, 2L, 1L), (summary.GetProperty("inputRows").GetInt64(), summary.GetProperty("ok").GetInt64(),
            summary.GetProperty("rejected").GetInt64()));
        Assert.Equal(["B1", "B3"], CsvFiles.Read(output).Values("ticket_id"));
        var reject = Assert.Single(CsvFiles.Read(summary.GetProperty("rejectsPath").GetString()!).Rows);
        Assert.Equal(["3", "2", "wrong field count: expected 3 fields (as in the header), found 5", "B2,Extra,has,one,too many"], reject);
    }

    [Fact]
    public async Task Keep_columns_limits_the_input_columns_copied_to_the_results()
    {
        var input = Path.Combine(TestPaths.RepositoryRoot, "samples", "tickets-sample.csv");
        var output = _temp.File("kept.csv");

        var run = await ScaleCli.RunAsync(_temp.Path, "run", input, "--out", output, "--keep-columns", "ticket_id,subject");

        Assert.True(run.ExitCode == 0, run.StdErr);
        var results = CsvFiles.Read(output);
        Assert.Equal(["ticket_id", "subject", "category", "confidence", "language", "summary", "status", "error",
            "failure_kind", "attempts", "tokens_in", "tokens_out", "cost_usd"], results.Header);
        Assert.Equal(CsvFiles.Read(input).Values("ticket_id"), results.Values("ticket_id"));
    }

    [Theory]
    [InlineData("--chunk-size", "0", "error: --chunk-size must be at least 1 (got 0)")]
    [InlineData("--text-columns", "message", "--text-columns: no column named 'message'")]
    [InlineData("--bogus", "1", "error: Unrecognized command or argument '--bogus'")]
    public async Task Bad_usage_exits_with_2_and_says_what_is_wrong(string option, string value, string message)
    {
        var run = await ScaleCli.RunAsync(_temp.Path, "run", Path.Combine(TestPaths.RepositoryRoot, "samples", "tickets-sample.csv"),
            "--out", _temp.File("out.csv"), option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.StdErr);
    }

    [Fact]
    public async Task A_categorize_only_run_leaves_summaries_empty_and_a_summarize_only_run_counts_no_categories()
    {
        var input = TestPaths.Dataset(TestPaths.Kaggle);

        var categorized = await ScaleCli.RunAsync(_temp.Path, "run", input, "--out", _temp.File("categories.csv"), "--summarizer", "none", "--json");
        var summarized = await ScaleCli.RunAsync(_temp.Path, "run", input, "--out", _temp.File("summaries.csv"), "--categorizer", "none", "--json");

        Assert.True(categorized.ExitCode == 0, categorized.StdErr);
        Assert.True(summarized.ExitCode == 0, summarized.StdErr);
        var categories = CsvFiles.Read(_temp.File("categories.csv"));
        var summaries = CsvFiles.Read(_temp.File("summaries.csv"));
        Assert.All(categories.Values("summary"), s => Assert.Equal("", s));
        Assert.DoesNotContain("", categories.Values("category"));
        Assert.All(summaries.Values("category"), c => Assert.Equal("", c));
        Assert.Equal(8469, summaries.Values("summary").Count(s => s.Length > 0));
        var categorizedSummary = JsonDocument.Parse(categorized.StdOut).RootElement;
        var summarizedSummary = JsonDocument.Parse(summarized.StdOut).RootElement;
        Assert.Equal(8469, categorizedSummary.GetProperty("categories").EnumerateObject().Sum(c => c.Value.GetInt64()));
        Assert.Empty(summarizedSummary.GetProperty("categories").EnumerateObject());
        Assert.Equal(8469, summarizedSummary.GetProperty("ok").GetInt64());
    }

    [Fact]
    public async Task Switching_off_both_halves_of_the_local_processor_is_bad_usage()
    {
        var run = await ScaleCli.RunAsync(_temp.Path, "run", TestPaths.Dataset(TestPaths.Bitext), "--out", _temp.File("out.csv"),
            "--categorizer", "none", "--summarizer", "none");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("error: the local processor needs its categorizer, its summarizer or both; with neither it has nothing to do", run.StdErr);
    }
}
