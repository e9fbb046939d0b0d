using System.Text.Json;
using Scalability.GrainInterfaces;
using Scalability.GrainInterfaces.Quality;
using Scalability.Grains.Costing;
using Scalability.Grains.Reporting;

namespace Scalability.Tests.Reporting;

/// <summary>The report's figures, read back from its JSON as a script would: totals, per-silo shares, the decision window, estimates.</summary>
public sealed class ScalingReportBuilderTests
{
    private static JsonElement Json(ScalingReport report) =>
        JsonDocument.Parse(JsonSerializer.Serialize(report, ScaleJson.Options)).RootElement;

    [Fact]
    public void A_finished_jobs_report_has_the_summarys_totals_the_silos_shares_and_worker_time()
    {
        var json = Json(ReportFixtures.Finished());

        Assert.Equal(("job-1", "completed"), (json.GetProperty("jobId").GetString(), json.GetProperty("status").GetString()));
        var totals = json.GetProperty("totals");
        Assert.Equal((1000L, 1000L, 990L, 8L, 2L), (totals.GetProperty("inputRows").GetInt64(), totals.GetProperty("processedRows").GetInt64(),
            totals.GetProperty("ok").GetInt64(), totals.GetProperty("failed").GetInt64(), totals.GetProperty("rejected").GetInt64()));
        Assert.Equal((10, 10, 1, 40.0), (totals.GetProperty("chunks").GetInt32(), totals.GetProperty("chunksDone").GetInt32(),
            totals.GetProperty("chunkRetries").GetInt32(), totals.GetProperty("ticketsPerSecond").GetDouble()));
        Assert.Equal((50_000L, 9_000L, 2.5m, 1004L, 12L), (totals.GetProperty("tokensIn").GetInt64(), totals.GetProperty("tokensOut").GetInt64(),
            totals.GetProperty("costUsd").GetDecimal(), totals.GetProperty("requests").GetInt64(), totals.GetProperty("rateLimited").GetInt64()));
        Assert.Equal(8, totals.GetProperty("failures").GetProperty("timeout").GetInt64());
        Assert.Equal(600, totals.GetProperty("categories").GetProperty("billing").GetInt64());
        // Peak of this job's running chunks (3 + 2 at the third sample) and of the cluster's limit.
        Assert.Equal((5, 6), (totals.GetProperty("peakJobWorkers").GetInt32(), totals.GetProperty("peakClusterWorkers").GetInt32()));

        var silos = json.GetProperty("silos").EnumerateArray().Select(s => (s.GetProperty("silo").GetString(), s.GetProperty("rows").GetInt64(),
            s.GetProperty("sharePercent").GetDouble(), s.GetProperty("peakWorkers").GetInt32(), s.GetProperty("workerSeconds").GetDouble()));
        // Worker time by trapezoids over 5 s steps: A runs 2, 2, 3, 1, 0 chunks (35 s), B 1, 2, 2, 1, 0 (27.5 s).
        Assert.Equal([(ReportFixtures.SiloA, 600L, 60.0, 3, 35.0), (ReportFixtures.SiloB, 400L, 40.0, 2, 27.5)], silos);

        var timings = json.GetProperty("timings");
        Assert.Equal((25.0, 5.0), (timings.GetProperty("elapsedSeconds").GetDouble(), timings.GetProperty("planningSeconds").GetDouble()));
        Assert.Equal(ReportFixtures.At(25), timings.GetProperty("finishedUtc").GetDateTime().ToUniversalTime());
        Assert.Equal(5, json.GetProperty("timeline").GetArrayLength());
        Assert.Equal(("ticket_id", "subject,body", "local: keywords categorizer, extractive summarizer"),
            (json.GetProperty("spec").GetProperty("idColumn").GetString(),
                string.Join(',', json.GetProperty("spec").GetProperty("textColumns").EnumerateArray().Select(c => c.GetString())),
                json.GetProperty("spec").GetProperty("processor").GetString()));
    }

    [Fact]
    public void Only_the_decisions_made_between_submission_and_the_end_are_in_the_report_oldest_first()
    {
        var decisions = Json(ReportFixtures.Finished()).GetProperty("decisions").EnumerateArray().ToList();

        Assert.Equal([ReportFixtures.ManualReason, ReportFixtures.AutomaticReason], decisions.Select(d => d.GetProperty("reason").GetString()));
        Assert.Equal([(4, 6, true), (6, 5, false)], decisions.Select(d =>
            (d.GetProperty("fromWorkers").GetInt32(), d.GetProperty("toWorkers").GetInt32(), d.GetProperty("manual").GetBoolean())));
        Assert.Equal(3, decisions[0].GetProperty("perSilo").GetProperty(ReportFixtures.SiloA).GetInt32());
    }

    [Fact]
    public void Estimates_are_the_jobs_own_and_the_reference_profile_stands_beside_them_as_a_reference()
    {
        var json = Json(ReportFixtures.Finished());
        var estimates = json.GetProperty("estimates");

        Assert.Equal(1000L, estimates.GetProperty("rows").GetInt64());
        Assert.StartsWith("the job's own estimate, made once it was planned", estimates.GetProperty("source").GetString());
        // Estimated 20 s and $2.00; it took 25 s and cost $2.50: both estimates 20% too low, its rate 25% too high.
        Assert.Equal((20.0, 25.0, -20.0), Figures(estimates.GetProperty("durationSeconds")));
        Assert.Equal((2m, 2.5m, -20.0), (estimates.GetProperty("costUsd").GetProperty("estimated").GetDecimal(),
            estimates.GetProperty("costUsd").GetProperty("actual").GetDecimal(), estimates.GetProperty("costUsd").GetProperty("errorPercent").GetDouble()));
        Assert.Equal((50.0, 40.0, 25.0), Figures(estimates.GetProperty("ticketsPerSecond")));
        Assert.False(estimates.TryGetProperty("workers", out _));

        // 1,000 rows fall in the 'tiny' profile: 7 minutes with 2 workers at $0.048 per ticket; not this local job's estimate.
        var reference = json.GetProperty("reference");
        Assert.Equal(("tiny", "1 to 1,000 rows", 1000L), (reference.GetProperty("name").GetString(), reference.GetProperty("rowRange").GetString(),
            reference.GetProperty("jobRows").GetInt64()));
        Assert.Equal((420.0, 48m, 2), (reference.GetProperty("durationSeconds").GetDouble(), reference.GetProperty("costUsd").GetDecimal(),
            reference.GetProperty("workers").GetInt32()));
        Assert.StartsWith("the seed's reference for LLM-class processing of this many rows: not an estimate of this job", reference.GetProperty("note").GetString());
    }

    [Theory]
    [InlineData(ProcessorSpec.LocalKind, ": not an estimate of this job, whose processor bills nothing and takes microseconds a ticket")]
    [InlineData(ProcessorSpec.PluginKind, ": not an estimate of this job, whose processor is planned from its own runs")]
    [InlineData(ProcessorSpec.LlmKind, "; the job's estimate rests on its own prices, tokens and runs")]
    public void The_reference_profile_says_what_it_is_to_the_jobs_processor(string kind, string ending)
    {
        var reference = ReferenceProfiles.For(ResourceProfiles.Default.For(50_000), 50_000, new ProcessorSpec(kind));

        Assert.Equal("the seed's reference for LLM-class processing of this many rows" + ending, reference.Note);
        Assert.Equal(50_000L, reference.JobRows);
    }

    [Fact]
    public void A_job_that_made_no_estimate_has_none_to_compare_and_still_its_reference()
    {
        var details = ReportFixtures.Details(finished: true) with { EstimatedCostUsd = null, EstimatedDurationSeconds = null };

        Assert.Null(ReportEstimate.OfJob(details, 1000));
        Assert.Null(ReportEstimate.OfJob(ReportFixtures.Details(finished: true), 0));
    }

    [Fact]
    public void A_running_jobs_report_has_its_progress_so_far_and_no_actuals_yet()
    {
        var json = Json(ReportFixtures.Running());

        Assert.Equal("running", json.GetProperty("status").GetString());
        var totals = json.GetProperty("totals");
        Assert.Equal((640L, 600L, 4L, 1.5m), (totals.GetProperty("processedRows").GetInt64(), totals.GetProperty("ok").GetInt64(),
            totals.GetProperty("failed").GetInt64(), totals.GetProperty("costUsd").GetDecimal()));
        Assert.Equal(JsonValueKind.Null, totals.GetProperty("chunkRetries").ValueKind);
        Assert.Equal(17.0, json.GetProperty("timings").GetProperty("elapsedSeconds").GetDouble());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("timings").GetProperty("finishedUtc").ValueKind);
        // The window runs to the report's time: the decision at +40 s has not happened yet as far as the report knows.
        Assert.Equal(2, json.GetProperty("decisions").GetArrayLength());
        var duration = json.GetProperty("estimates").GetProperty("durationSeconds");
        Assert.Equal((20.0, JsonValueKind.Null, JsonValueKind.Null),
            (duration.GetProperty("estimated").GetDouble(), duration.GetProperty("actual").ValueKind, duration.GetProperty("errorPercent").ValueKind));
    }

    [Theory]
    [InlineData(125, 100, 25.0)]
    [InlineData(20, 25, -20.0)]
    [InlineData(2, 3, -33.3)]
    [InlineData(5, 0, null)]
    [InlineData(0, 0, null)]
    public void The_estimate_error_is_estimate_minus_actual_over_actual_in_percent_to_one_decimal(double estimated, double actual, double? error) =>
        Assert.Equal(error, ScalingReportBuilder.Error(estimated, actual));

    private static (double, double, double) Figures(JsonElement comparison) => (comparison.GetProperty("estimated").GetDouble(),
        comparison.GetProperty("actual").GetDouble(), comparison.GetProperty("errorPercent").GetDouble());

    [Fact]
    public void A_finished_jobs_report_carries_its_summarys_quality_section_and_a_running_jobs_none()
    {
        var finished = Json(ReportFixtures.Finished()).GetProperty("quality");
        var running = Json(ReportFixtures.Running()).GetProperty("quality");

        Assert.Equal(JsonSerializer.Serialize(ReportFixtures.Quality(), ScaleJson.Options),
            JsonSerializer.Serialize(finished.Deserialize<QualitySection>(ScaleJson.Options), ScaleJson.Options));
        Assert.Equal((990L, 212L, 57L), (finished.GetProperty("categorized").GetInt64(), finished.GetProperty("review").GetProperty("tickets").GetInt64(),
            finished.GetProperty("proposals")[0].GetProperty("tickets").GetInt64()));
        Assert.Equal(JsonValueKind.Null, running.ValueKind);
    }
}
