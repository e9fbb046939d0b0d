using System.Text.Json;
using System.Text.RegularExpressions;
using Scalability.Grains.Ingest;
using Scalability.Grains.Reporting;
using Scalability.Tests.Support;

namespace Scalability.Tests.Reporting;

/// <summary><c>scale report</c> on a job that <c>scale run</c> finished in the same folder, run for real.</summary>
public sealed class ReportCommandTests : IDisposable
{
    private const int Rows = 3000;
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task The_report_of_a_finished_embedded_job_has_its_exact_totals_in_json_and_its_charts_in_one_html_file()
    {
        var input = _temp.File("tickets.csv");
        await using (var file = File.Create(input))
        {
            SyntheticTicketGenerator.Write(file, Rows, seed: 5);
        }

        var run = await ScaleCli.RunAsync(_temp.Path, "run", input, "--out", _temp.File("results.csv"), "--chunk-size", "500", "--json");
        Assert.True(run.ExitCode == 0, run.StdErr);
        var summary = JsonDocument.Parse(run.StdOut).RootElement;
        var jobId = summary.GetProperty("jobId").GetString()!;

        var json = await ScaleCli.RunAsync(_temp.Path, "report", jobId, "--format", "json", "--out", "r.json");
        var html = await ScaleCli.RunAsync(_temp.Path, "report", jobId, "--format", "html", "--out", "r.html");

        Assert.True(json.ExitCode == 0, json.StdErr);
        Assert.True(html.ExitCode == 0, html.StdErr);
        Assert.StartsWith($"report of job {jobId} (completed, ", json.StdErr);
        Assert.Contains($"written to {_temp.File("r.json")}", json.StdErr);
        var report = JsonDocument.Parse(await File.ReadAllTextAsync(_temp.File("r.json"))).RootElement;
        Assert.Equal((jobId, "completed"), (report.GetProperty("jobId").GetString(), report.GetProperty("status").GetString()));
        var totals = report.GetProperty("totals");
        Assert.Equal((3000L, 3000L, 6, 6, 0), (totals.GetProperty("inputRows").GetInt64(), totals.GetProperty("processedRows").GetInt64(),
            totals.GetProperty("chunks").GetInt32(), totals.GetProperty("chunksDone").GetInt32(), totals.GetProperty("chunkRetries").GetInt32()));
        Assert.Equal((summary.GetProperty("ok").GetInt64(), summary.GetProperty("failed").GetInt64(), summary.GetProperty("rejected").GetInt64()),
            (totals.GetProperty("ok").GetInt64(), totals.GetProperty("failed").GetInt64(), totals.GetProperty("rejected").GetInt64()));
        Assert.Equal(Rows, totals.GetProperty("ok").GetInt64() + totals.GetProperty("failed").GetInt64() + totals.GetProperty("rejected").GetInt64());
        Assert.Equal((0m, 0L), (totals.GetProperty("costUsd").GetDecimal(), totals.GetProperty("tokensIn").GetInt64()));
        Assert.Equal(summary.GetProperty("durationSeconds").GetDouble(), report.GetProperty("timings").GetProperty("elapsedSeconds").GetDouble());
        var silo = Assert.Single(report.GetProperty("silos").EnumerateArray());
        Assert.Equal((3000L, 100.0), (silo.GetProperty("rows").GetInt64(), silo.GetProperty("sharePercent").GetDouble()));
        Assert.Equal(Rows, report.GetProperty("timeline").EnumerateArray().Last().GetProperty("processedRows").GetInt64());

        // The job's own estimate, as its summary has it, with the summary's sign: (estimate − actual) / actual.
        var estimates = report.GetProperty("estimates");
        var duration = estimates.GetProperty("durationSeconds");
        var (estimated, actual) = (summary.GetProperty("estimatedDurationSeconds").GetDouble(), summary.GetProperty("durationSeconds").GetDouble());
        Assert.Equal((estimated, actual), (duration.GetProperty("estimated").GetDouble(), duration.GetProperty("actual").GetDouble()));
        Assert.Equal(Math.Round((estimated - actual) / actual * 100, 1, MidpointRounding.AwayFromZero), duration.GetProperty("errorPercent").GetDouble());
        Assert.Equal(summary.GetProperty("durationEstimateErrorPercent").GetDouble(), duration.GetProperty("errorPercent").GetDouble(), 0.051);
        // The local processor costs nothing and was estimated to: no error to give.
        var cost = estimates.GetProperty("costUsd");
        Assert.Equal((0m, 0m, JsonValueKind.Null), (cost.GetProperty("estimated").GetDecimal(), cost.GetProperty("actual").GetDecimal(), cost.GetProperty("errorPercent").ValueKind));
        // 3,000 rows are in the 'small' profile: 28 minutes, $0.045 a ticket; beside the estimate, not as it.
        var reference = report.GetProperty("reference");
        Assert.Equal(("small", 1680.0, 135m), (reference.GetProperty("name").GetString(), reference.GetProperty("durationSeconds").GetDouble(),
            reference.GetProperty("costUsd").GetDecimal()));

        var page = await File.ReadAllTextAsync(_temp.File("r.html"));
        var samples = report.GetProperty("timeline").GetArrayLength();
        foreach (var chart in ScalingReportHtml.ChartIds)
        {
            Assert.Matches($"data-testid=\"{chart}\"><figcaption>[^<]*<span class=\"unit\">[^<]*</span></figcaption>\\n<svg [^>]*data-points=\"{samples}\"", page);
        }

        Assert.Contains($"<span data-testid=\"report-job-id\">{jobId}</span>", page);
        Assert.DoesNotMatch(new Regex("<script|https?://"), page);
    }

    [Fact]
    public async Task An_unknown_job_is_bad_usage_and_says_where_it_looked()
    {
        var input = _temp.Write("one.csv", "id,body\n1,my parcel never came\n");
        var run = await ScaleCli.RunAsync(_temp.Path, "run", input, "--out", _temp.File("one-out.csv"));
        Assert.True(run.ExitCode == 0, run.StdErr);

        var unknown = await ScaleCli.RunAsync(_temp.Path, "report", "no-such-job", "--out", "r.html");
        var badFormat = await ScaleCli.RunAsync(_temp.Path, "report", "no-such-job", "--format", "pdf");

        Assert.Equal(2, unknown.ExitCode);
        Assert.Equal($"error: there is no job 'no-such-job' in {Path.Combine(_temp.Path, ".scale", "state.db")}", unknown.StdErr.Trim());
        Assert.False(File.Exists(_temp.File("r.html")));
        Assert.Equal(2, badFormat.ExitCode);
        Assert.Contains("pdf", badFormat.StdErr);
    }
}
