using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace Scalability.Grains.Reporting;

/// <summary>
/// The scaling report as one self-contained HTML file: inline CSS and inline SVG charts, no script, no reference to
/// anything outside the file. Every text that comes from data is HTML-encoded. The quality section is
/// <see cref="QualityHtml"/>'s.
/// </summary>
public static class ScalingReportHtml
{
    /// <summary>The charts, by the <c>data-testid</c> of each, in the order the report shows them.</summary>
    public static IReadOnlyList<string> ChartIds { get; } =
        ["chart-workers", "chart-throughput", "chart-latency", "chart-errors", "chart-memory", "chart-spend"];

    public static string Render(ScalingReport report)
    {
        var html = new StringBuilder(64 * 1024);
        var title = $"Scaling report: job {report.JobId}";
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(E(title)).Append("</title>\n<style>\n").Append(Css).Append("</style>\n</head>\n<body>\n");
        html.Append("<header><h1>Scaling report: job <span data-testid=\"report-job-id\">").Append(E(report.JobId)).Append("</span></h1>\n")
            .Append("<p class=\"meta\">status <strong data-testid=\"report-status\" class=\"status ").Append(ReportFormat.Status(report.Status)).Append("\">")
            .Append(ReportFormat.Status(report.Status)).Append("</strong> · generated ").Append(E(ReportFormat.Time(report.GeneratedUtc))).Append("</p>\n");
        if (report.Error is not null)
        {
            html.Append("<p class=\"error\" data-testid=\"report-error\">").Append(E(report.Error)).Append("</p>\n");
        }

        html.Append("</header>\n<main>\n");
        Overview(html, report);
        QualityHtml.Render(html, report.Quality, report.Status);
        Charts(html, report);
        Decisions(html, report);
        Silos(html, report);
        Estimates(html, report);
        Spec(html, report);
        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void Overview(StringBuilder html, ScalingReport report)
    {
        var t = report.Totals;
        html.Append("<section><h2>Totals</h2>\n<dl class=\"cards\" data-testid=\"report-totals\">\n");
        Card(html, "rows", $"{ReportFormat.Count(t.ProcessedRows)} of {ReportFormat.Count(t.InputRows)}", "rows");
        Card(html, "ok", ReportFormat.Count(t.Ok), "ok");
        Card(html, "failed", ReportFormat.Count(t.Failed), "failed");
        Card(html, "rejected", ReportFormat.Count(t.Rejected), "rejected");
        if (t.Conversations is { } conversations)
        {
            Card(html, "conversations", ReportFormat.Count(conversations), "conversations");
        }

        Card(html, "duration", ReportFormat.Duration(report.Timings.ElapsedSeconds), "duration");
        Card(html, "tickets/s", ReportFormat.Number(t.TicketsPerSecond, "N1"), "tickets-per-second");
        Card(html, "spend", ReportFormat.Usd(t.CostUsd), "spend");
        Card(html, "tokens in / out", $"{ReportFormat.Count(t.TokensIn)} / {ReportFormat.Count(t.TokensOut)}", "tokens");
        Card(html, "requests / 429s", $"{ReportFormat.Count(t.Requests)} / {ReportFormat.Count(t.RateLimited)}", "requests");
        Card(html, "chunks", $"{ReportFormat.Count(t.ChunksDone)} of {ReportFormat.Count(t.Chunks)}" +
                             (t.ChunkRetries is { } retries ? $", {ReportFormat.Count(retries)} retried" : ""), "chunks");
        Card(html, "peak workers (job / cluster)", $"{t.PeakJobWorkers} / {t.PeakClusterWorkers}", "peak-workers");
        html.Append("</dl>\n");
        html.Append("<p class=\"meta\">submitted ").Append(E(ReportFormat.Time(report.Timings.SubmittedUtc)));
        if (report.Timings.PlanningSeconds is { } planning)
        {
            html.Append(" · planned in ").Append(E(ReportFormat.Duration(planning)));
        }

        if (report.Timings.FinishedUtc is { } finished)
        {
            html.Append(" · finished ").Append(E(ReportFormat.Time(finished)));
        }

        html.Append("</p>\n");
        if (t.Failures.Count > 0)
        {
            html.Append("<p>Failed rows by kind: ").Append(E(string.Join(", ", t.Failures.Select(f => $"{f.Key} {ReportFormat.Count(f.Value)}")))).Append("</p>\n");
        }

        if (t.Categories.Count > 0)
        {
            html.Append("<p>Categories: ").Append(E(string.Join(", ", t.Categories.Select(c => $"{c.Key} {ReportFormat.Count(c.Value)}")))).Append("</p>\n");
        }

        html.Append("</section>\n");
    }

    private static void Card(StringBuilder html, string label, string value, string testId) =>
        html.Append("<div><dt>").Append(E(label)).Append("</dt><dd data-testid=\"total-").Append(testId).Append("\">").Append(E(value)).Append("</dd></div>\n");

    private static void Charts(StringBuilder html, ScalingReport report)
    {
        var samples = report.Timeline;
        var times = samples.Select(s => s.TimeUtc).ToArray();
        ChartSeries Of(string name, Func<JobSample, double> value) => new(name, samples.Select(value).ToArray());

        html.Append("<section><h2>Timeline</h2>\n");
        html.Append(CultureInfo.InvariantCulture,
            $"<p class=\"meta\">{samples.Count} samples, taken every couple of seconds while the job ran (thinned out evenly on long jobs).</p>\n<div class=\"charts\">\n");
        var workers = new List<ChartSeries> { Of("cluster limit", s => s.ClusterWorkers) with { Dashed = true } };
        workers.AddRange(report.Silos.Select(silo =>
            Of($"job on {silo.Silo}", s => s.RunningPerSilo.TryGetValue(silo.Silo, out var w) ? w : 0)));
        SvgChart.Render(html, ChartIds[0], "Workers", "cluster limit, and this job's chunks running per silo", times, workers);
        SvgChart.Render(html, ChartIds[1], "Throughput", "tickets/s", times, [Of("tickets/s", s => s.TicketsPerSecond)]);
        SvgChart.Render(html, ChartIds[2], "Ticket latency", "ms", times,
            [Of("p50", s => s.TicketLatencyP50Ms), Of("p95", s => s.TicketLatencyP95Ms)]);
        SvgChart.Render(html, ChartIds[3], "Errors and 429s", "so far", times,
            [Of("failed rows", s => s.Failed), Of("rejected rows", s => s.Rejected), Of("429 responses", s => s.RateLimited)]);
        SvgChart.Render(html, ChartIds[4], "Memory and CPU", "% of the silos'", times,
            [Of("memory %", s => s.MemoryPercent), Of("CPU %", s => s.CpuPercent)]);
        SvgChart.Render(html, ChartIds[5], "Spend", "USD so far", times, [Of("spend", s => (double)s.CostUsd)]);
        html.Append("</div>\n</section>\n");
    }

    private static void Decisions(StringBuilder html, ScalingReport report)
    {
        html.Append(CultureInfo.InvariantCulture, $"<section><h2>Scaling decisions ({report.Decisions.Count})</h2>\n");
        if (report.Decisions.Count == 0)
        {
            html.Append("<p data-testid=\"decisions-none\">The AutoScaler made no decision while this job ran.</p>\n</section>\n");
            return;
        }

        html.Append("<table data-testid=\"report-decisions\">\n<thead><tr><th>time (UTC)</th><th>after</th><th>workers</th><th>per silo</th><th>reason</th><th>manual</th><th>seen</th></tr></thead>\n<tbody>\n");
        foreach (var d in report.Decisions)
        {
            var seen = d.Seen;
            html.Append("<tr data-testid=\"decision-row\"><td>").Append(E(d.TimeUtc.ToString("HH:mm:ss", CultureInfo.InvariantCulture)))
                .Append("</td><td>+").Append(E(ReportFormat.Duration(Math.Max(0, (d.TimeUtc - report.Timings.SubmittedUtc).TotalSeconds))))
                .Append("</td><td class=\"num\">").Append(d.FromWorkers).Append(" → ").Append(d.ToWorkers)
                .Append("</td><td>").Append(E(string.Join(", ", d.PerSilo.Select(p => $"{p.Key}: {p.Value}"))))
                .Append("</td><td data-testid=\"decision-reason\">").Append(E(d.Reason))
                .Append("</td><td>").Append(d.Manual ? "yes" : "no")
                .Append("</td><td>").Append(E(string.Create(CultureInfo.InvariantCulture,
                    $"{seen.TicketsPerSecond:0.#} tickets/s, p95 {seen.TicketLatencyP95Ms:0} ms, errors {seen.ErrorRate * 100:0.#}%, 429s {seen.RateLimitedRate * 100:0.#}%, CPU {seen.CpuUtilization * 100:0}%, memory {seen.MemoryUtilization * 100:0}%, backlog {seen.Backlog}")))
                .Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n</section>\n");
    }

    private static void Silos(StringBuilder html, ScalingReport report)
    {
        html.Append("<section><h2>Per silo</h2>\n<table data-testid=\"report-silos\">\n<thead><tr><th>silo</th><th>rows</th><th>share</th><th>peak workers</th><th>worker time</th></tr></thead>\n<tbody>\n");
        foreach (var silo in report.Silos)
        {
            html.Append("<tr data-testid=\"silo-row\"><td>").Append(E(silo.Silo)).Append("</td><td class=\"num\">").Append(ReportFormat.Count(silo.Rows))
                .Append("</td><td class=\"num\">").Append(ReportFormat.Number(silo.SharePercent, "0.0")).Append("%</td><td class=\"num\">").Append(silo.PeakWorkers)
                .Append("</td><td class=\"num\">").Append(E(ReportFormat.Duration(silo.WorkerSeconds))).Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n</section>\n");
    }

    private static void Estimates(StringBuilder html, ScalingReport report)
    {
        html.Append("<section><h2>Estimates against actuals</h2>\n");
        if (report.Estimates is { } e)
        {
            html.Append("<p class=\"meta\" data-testid=\"estimate-source\">Estimated from ").Append(E(e.Source))
                .Append(". Estimate error = (estimate − actual) / actual: positive when the estimate was too high.")
                .Append(report.Status.IsFinished() ? "" : " Actuals are shown once the job has finished.").Append("</p>\n");
            html.Append("<table data-testid=\"report-estimates\">\n<thead><tr><th>measure</th><th>estimated</th><th>actual</th><th>estimate error</th></tr></thead>\n<tbody>\n");
            Row(html, "duration", ReportFormat.Duration(e.DurationSeconds.Estimated),
                e.DurationSeconds.Actual is { } d ? ReportFormat.Duration(d) : null, e.DurationSeconds.ErrorPercent);
            Row(html, "cost", ReportFormat.Usd(e.CostUsd.Estimated), e.CostUsd.Actual is { } c ? ReportFormat.Usd(c) : null, e.CostUsd.ErrorPercent);
            Row(html, "tickets/s", ReportFormat.Number(e.TicketsPerSecond.Estimated, "0.##"),
                e.TicketsPerSecond.Actual is { } r ? ReportFormat.Number(r, "0.##") : null, e.TicketsPerSecond.ErrorPercent);
            html.Append("</tbody>\n</table>\n");
        }
        else
        {
            html.Append("<p data-testid=\"estimate-source\">No estimate yet: a job estimates itself once it is planned.</p>\n");
        }

        if (report.Reference is { } p)
        {
            html.Append("<h3>Reference profile (for LLM-class processing)</h3>\n<p class=\"meta\" data-testid=\"reference-profile\">Profile ")
                .Append(E(p.Name)).Append(" (").Append(E(p.RowRange)).Append(") of the seed's resource-profiles.json, for ")
                .Append(E(ReportFormat.Count(p.JobRows))).Append(" rows: ").Append(E(ReportFormat.Duration(p.DurationSeconds))).Append(" with ")
                .Append(E(ReportFormat.Count(p.Workers))).Append(" workers of ").Append(E(ReportFormat.Count(p.MemoryMbPerWorker))).Append(" MB, ")
                .Append(E(ReportFormat.Usd(p.CostUsd))).Append(". ").Append(E(char.ToUpperInvariant(p.Note[0]) + p.Note[1..])).Append(".</p>\n");
        }

        html.Append("</section>\n");
    }

    private static void Row(StringBuilder html, string measure, string estimated, string? actual, double? error) =>
        html.Append("<tr data-testid=\"estimate-row\"><td>").Append(E(measure)).Append("</td><td class=\"num\">").Append(E(estimated))
            .Append("</td><td class=\"num\">").Append(E(actual ?? "—")).Append("</td><td class=\"num\">").Append(E(ReportFormat.Percent(error)))
            .Append("</td></tr>\n");

    private static void Spec(StringBuilder html, ScalingReport report)
    {
        var s = report.Spec;
        html.Append("<section><h2>Job</h2>\n<table class=\"spec\" data-testid=\"report-spec\">\n<tbody>\n");
        SpecRow(html, "input", s.InputPath);
        SpecRow(html, "output", s.OutputPath);
        SpecRow(html, "processor", s.Processor);
        SpecRow(html, "chunk size", s.ChunkSize > 0 ? ReportFormat.Count(s.ChunkSize) : "chosen by the planner");
        SpecRow(html, "max workers", s.MaxWorkers > 0 ? ReportFormat.Count(s.MaxWorkers) : "as many as the silos take");
        var detected = report.Status.IsFinished() ? "none found" : "detected when planning";
        SpecRow(html, "id column", s.IdColumn ?? detected);
        SpecRow(html, "text columns", s.TextColumns.Count > 0 ? string.Join(", ", s.TextColumns) : detected);
        if (s.ConversationColumn is not null)
        {
            SpecRow(html, "conversation column", s.ConversationColumn);
        }

        html.Append("</tbody>\n</table>\n</section>\n");
    }

    private static void SpecRow(StringBuilder html, string name, string value) =>
        html.Append("<tr><th>").Append(E(name)).Append("</th><td>").Append(E(value)).Append("</td></tr>\n");

    private static string E(string text) => HtmlEncoder.Default.Encode(text);

    /// <summary>The report's styles; the live jobs page uses them too.</summary>
    public const string Css = """
        :root { color-scheme: light; --fg: #1d2430; --muted: #5b6575; --line: #d9dee7; --bg: #f6f7f9; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); }
        header, main { max-width: 1320px; margin: 0 auto; padding: 12px 20px; }
        h1 { font-size: 22px; margin: 8px 0 4px; } h2 { font-size: 17px; margin: 22px 0 8px; } h3 { font-size: 15px; margin: 16px 0 6px; }
        .meta { color: var(--muted); margin: 4px 0; }
        .error { color: #a4161a; font-weight: 600; }
        .status { padding: 1px 8px; border-radius: 10px; background: #e4e8ef; }
        .status.completed { background: #d3f0dc; } .status.failed, .status.cancelled { background: #f8d7da; }
        .status.running, .status.planning, .status.assembling { background: #dbe9fb; }
        .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(170px, 1fr)); gap: 8px; margin: 0; }
        .cards div { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 8px 10px; }
        .cards dt { color: var(--muted); font-size: 12px; } .cards dd { margin: 2px 0 0; font-size: 18px; font-weight: 600; }
        .charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(420px, 1fr)); gap: 12px; }
        .chart { margin: 0; background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 8px; }
        .chart figcaption { font-weight: 600; } .chart .unit { color: var(--muted); font-weight: 400; }
        .chart svg { width: 100%; height: auto; display: block; }
        .grid { stroke: var(--line); stroke-width: 1; } .axis, .empty { fill: var(--muted); font-size: 11px; }
        .line { fill: none; stroke-width: 2; } .line.dashed { stroke-dasharray: 6 4; }
        .legend { list-style: none; margin: 4px 0 0; padding: 0; display: flex; flex-wrap: wrap; gap: 4px 14px; font-size: 12px; color: var(--muted); }
        .swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 5px; vertical-align: -1px; }
        .s0 { stroke: #1f6feb; fill: #1f6feb; } .s1 { stroke: #d9480f; fill: #d9480f; } .s2 { stroke: #2b8a3e; fill: #2b8a3e; }
        .s3 { stroke: #862e9c; fill: #862e9c; } .s4 { stroke: #e67700; fill: #e67700; } .s5 { stroke: #0b7285; fill: #0b7285; }
        .s6 { stroke: #c2255c; fill: #c2255c; } .s7 { stroke: #495057; fill: #495057; }
        .line.s0, .line.s1, .line.s2, .line.s3, .line.s4, .line.s5, .line.s6, .line.s7 { fill: none; }
        .swatch.s0 { background: #1f6feb; } .swatch.s1 { background: #d9480f; } .swatch.s2 { background: #2b8a3e; } .swatch.s3 { background: #862e9c; }
        .swatch.s4 { background: #e67700; } .swatch.s5 { background: #0b7285; } .swatch.s6 { background: #c2255c; } .swatch.s7 { background: #495057; }
        table { border-collapse: collapse; width: 100%; background: #fff; border: 1px solid var(--line); }
        th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
        thead th { background: #eef1f5; font-size: 12px; color: var(--muted); }
        td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        table.spec th { width: 180px; color: var(--muted); font-weight: 500; }
        a { color: #1f6feb; }
        .term { background: #eef1f5; border-radius: 3px; padding: 0 4px; white-space: nowrap; }
        """;
}
