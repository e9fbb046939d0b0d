using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Scalability.Grains.Telemetry;
using Scalability.Tests.Support;

namespace Scalability.Tests.Telemetry;

/// <summary>
/// What a silo's HTTP endpoint and traces show of a job it ran: the Prometheus scrape, the Orleans Dashboard's silo
/// counters, one trace per job with a span per chunk attempt, and what reaches an OTLP collector.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class TelemetryTests(TelemetryFixture fixture) : IDisposable
{
    // Counters reach the dashboard once a second and chunks record theirs just after the job accepts them.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly HttpClient _http = new() { BaseAddress = fixture.Http };

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task The_metrics_endpoint_counts_the_job_s_tickets_and_chunks_exactly()
    {
        Assert.Equal(JobStatus.Completed, fixture.Summary.Status);
        Assert.True(fixture.Summary.Chunks > 1, $"the sample should make several chunks, made {fixture.Summary.Chunks}");
        var scrape = "";

        var exact = await Eventually.TrueAsync(async () =>
        {
            scrape = await _http.GetStringAsync("/metrics");
            return Value(scrape, "scalability_tickets_processed_total", "processor=\"local\"", "status=\"ok\"") == fixture.Summary.Ok
                && Value(scrape, "scalability_chunks_committed_total", "processor=\"local\"") == fixture.Summary.Chunks;
        }, Patience);

        Assert.True(exact, $"expected {fixture.Summary.Ok} tickets in {fixture.Summary.Chunks} chunks; the scrape was:\n{scrape}");
        Assert.Null(Value(scrape, "scalability_tickets_processed_total", "status=\"failed\""));
        Assert.Equal(2, Value(scrape, "scalability_workers_limit", $"silo=\"{fixture.SiloAddress}\""));
        Assert.Contains("\nscalability_chunk_duration_seconds_bucket{", scrape);
        Assert.Contains("\norleans_", scrape);
        // The dashboard's copies of the counters are kept out: one series per name and tag set.
        Assert.Single(Lines(scrape, "scalability_tickets_processed_total"));
    }

    [Fact]
    public async Task The_dashboard_is_served_and_its_silo_page_lists_the_ticket_counter()
    {
        using var version = await _http.GetAsync("/dashboard/version");
        Assert.Equal(HttpStatusCode.OK, version.StatusCode);
        using var page = await _http.GetAsync("/dashboard/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var counters = new Dictionary<string, string>();

        var listed = await Eventually.TrueAsync(async () =>
        {
            counters = await SiloCountersAsync();
            return counters.GetValueOrDefault(DashboardCounters.TicketsProcessedName) == fixture.Summary.Ok.ToString(CultureInfo.InvariantCulture)
                && counters.GetValueOrDefault(DashboardCounters.ChunksCommittedName) == fixture.Summary.Chunks.ToString(CultureInfo.InvariantCulture);
        }, Patience);

        Assert.True(listed, $"expected {fixture.Summary.Ok} tickets in {fixture.Summary.Chunks} chunks; the silo's counters were: " +
            string.Join(", ", counters.Select(c => $"{c.Key}={c.Value}")));
        Assert.Equal("0", counters[DashboardCounters.TicketsFailedName]);
        Assert.Equal("0", counters[DashboardCounters.SpendName]);
    }

    [Fact]
    public async Task A_job_is_one_trace_with_a_span_per_chunk_attempt()
    {
        var summary = fixture.Summary;
        var job = Assert.Single(fixture.Spans, span => span.OperationName == JobTrace.ActivityName && Tag(span, TelemetryTags.JobId) == fixture.JobId);
        List<Activity> chunks = [];

        var all = await Eventually.TrueAsync(() =>
        {
            chunks = fixture.Spans.Where(span => span.OperationName == ChunkAttemptTelemetry.ActivityName && Tag(span, TelemetryTags.JobId) == fixture.JobId).ToList();
            return chunks.Count >= summary.Chunks + summary.ChunkRetries;
        }, Patience);

        Assert.True(all, $"expected {summary.Chunks + summary.ChunkRetries} chunk spans, found {chunks.Count}");
        Assert.Equal(summary.Chunks + summary.ChunkRetries, chunks.Count);
        Assert.Equal(default, job.ParentSpanId);
        Assert.Equal(ActivityStatusCode.Ok, job.Status);
        Assert.Equal(nameof(JobStatus.Completed), Tag(job, TelemetryTags.JobStatus));
        Assert.Equal(summary.Ok, job.GetTagItem(TelemetryTags.RowsOk));
        Assert.All(chunks, chunk =>
        {
            Assert.Equal(job.TraceId, chunk.TraceId);
            Assert.Equal(job.SpanId, chunk.ParentSpanId);
            Assert.Equal(ActivityStatusCode.Ok, chunk.Status);
            Assert.Equal("committed", Tag(chunk, TelemetryTags.ChunkOutcome));
            Assert.Equal(fixture.SiloAddress, Tag(chunk, TelemetryTags.ChunkSilo));
            Assert.Equal(1, chunk.GetTagItem(TelemetryTags.ChunkAttempt));
            Assert.True(chunk.StartTimeUtc >= job.StartTimeUtc, "a chunk ran before its job was submitted");
        });
        Assert.Equal(Enumerable.Range(0, summary.Chunks), chunks.Select(chunk => (int)chunk.GetTagItem(TelemetryTags.ChunkIndex)!).Order());
        Assert.Equal(summary.Ok, chunks.Sum(chunk => (long)chunk.GetTagItem(TelemetryTags.RowsOk)!));
        // The trace goes on through grain calls: each chunk's report to its job is an Orleans span under the chunk's.
        var chunkSpans = chunks.Select(chunk => chunk.SpanId).ToHashSet();
        var reports = fixture.Spans.Where(span => span.Source.Name == Orleans.Diagnostics.ActivitySources.ApplicationGrainActivitySourceName
            && span.Kind == ActivityKind.Client && span.OperationName.EndsWith("/ChunkCommitted", StringComparison.Ordinal)
            && chunkSpans.Contains(span.ParentSpanId)).ToList();
        Assert.Equal(chunks.Count, reports.Count);
        Assert.All(reports, report => Assert.Equal(job.TraceId, report.TraceId));
    }

    [Fact]
    public async Task Otlp_exports_carry_the_product_s_and_Orleans_metrics_and_spans()
    {
        var meters = fixture.Silo.Services.GetRequiredService<MeterProvider>();
        var tracers = fixture.Silo.Services.GetRequiredService<TracerProvider>();
        var collector = fixture.Collector;

        // Exports are periodic; a flush sends what there is now.
        var received = await Eventually.TrueAsync(() =>
        {
            tracers.ForceFlush(5_000);
            meters.ForceFlush(5_000);
            return collector.Received("/v1/traces", ChunkAttemptTelemetry.ActivityName)
                && collector.Received("/v1/traces", JobTrace.ActivityName)
                && collector.Received("/v1/traces", "Microsoft.Orleans.Application")
                && collector.Received("/v1/metrics", "scalability.tickets.processed")
                && collector.Received("/v1/metrics", "orleans-catalog-activations");
        }, Patience);

        Assert.True(received, "exports received: " + string.Join(", ", collector.Exports.Select(e => $"{e.Path} ({e.Body.Length} bytes)")));
        Assert.False(collector.Received("/v1/metrics", fixture.JobId), "a job id is a span tag, never a metric label");
    }

    private async Task<Dictionary<string, string>> SiloCountersAsync()
    {
        using var response = await _http.GetAsync($"/dashboard/SiloCounters/{fixture.SiloAddress}");
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return [];
        }

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.EnumerateArray().ToDictionary(
            counter => counter.GetProperty("name").GetString()!,
            counter => counter.GetProperty("value").GetString()!);
    }

    private static string? Tag(Activity span, string name) => span.GetTagItem(name)?.ToString();

    /// <summary>The sample lines of a metric in Prometheus' text format.</summary>
    private static IEnumerable<string> Lines(string scrape, string metric) =>
        scrape.Split('\n').Where(line => line.StartsWith(metric + "{", StringComparison.Ordinal) || line.StartsWith(metric + " ", StringComparison.Ordinal));

    /// <summary>The value of the one sample of <paramref name="metric"/> whose labels include all of <paramref name="labels"/>.</summary>
    private static long? Value(string scrape, string metric, params string[] labels)
    {
        var line = Lines(scrape, metric).SingleOrDefault(line => labels.All(label => line.Contains(label, StringComparison.Ordinal)));
        if (line is null)
        {
            return null;
        }

        var value = line[(line.LastIndexOf('}') + 1)..].Trim().Split(' ')[0];
        return (long)double.Parse(value, CultureInfo.InvariantCulture);
    }
}
