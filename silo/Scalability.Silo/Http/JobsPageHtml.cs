using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Scalability.GrainInterfaces.Jobs;
using Scalability.Grains.Reporting;

namespace Scalability.Silo.Http;

/// <summary>
/// The jobs page's HTML: the list rendered on the server, and a job's live page as a shell that its own small script
/// fills from <c>/api/jobs/{id}</c> every second. Nothing is loaded from elsewhere; data is only ever set as text.
/// </summary>
internal static class JobsPageHtml
{
    public static string List(IReadOnlyList<JobProgress> unfinished, IReadOnlyList<JobProgress> finished)
    {
        var html = new StringBuilder();
        Head(html, "Jobs", "<meta http-equiv=\"refresh\" content=\"5\">");
        html.Append("<body>\n<header><h1>Jobs</h1><p class=\"meta\">This silo's cluster: unfinished jobs, then the most recently finished. Refreshed every 5 s.</p></header>\n<main>\n");
        Table(html, "Unfinished", "jobs-unfinished", unfinished);
        Table(html, "Recently finished", "jobs-finished", finished);
        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void Table(StringBuilder html, string title, string testId, IReadOnlyList<JobProgress> jobs)
    {
        html.Append("<section><h2>").Append(E(title)).Append("</h2>\n");
        if (jobs.Count == 0)
        {
            html.Append("<p class=\"meta\" data-testid=\"").Append(testId).Append("\">none</p>\n</section>\n");
            return;
        }

        html.Append("<table data-testid=\"").Append(testId).Append("\">\n<thead><tr><th>job</th><th>status</th><th>rows</th><th>tickets/s</th><th>elapsed</th><th>spend</th><th>report</th></tr></thead>\n<tbody>\n");
        foreach (var job in jobs)
        {
            var link = "/jobs/" + Uri.EscapeDataString(job.JobId);
            var report = "/api/jobs/" + Uri.EscapeDataString(job.JobId) + "/report";
            html.Append("<tr data-testid=\"job-row\"><td><a href=\"").Append(E(link)).Append("\">").Append(E(job.JobId)).Append("</a></td>")
                .Append("<td><span class=\"status ").Append(ReportFormat.Status(job.Status)).Append("\">").Append(ReportFormat.Status(job.Status)).Append("</span></td>")
                .Append("<td class=\"num\">").Append(ReportFormat.Count(job.ProcessedRows)).Append(" of ").Append(ReportFormat.Count(job.InputRows)).Append("</td>")
                .Append("<td class=\"num\">").Append(ReportFormat.Number(job.TicketsPerSecond, "N1")).Append("</td>")
                .Append("<td class=\"num\">").Append(E(ReportFormat.Duration(job.ElapsedSeconds))).Append("</td>")
                .Append("<td class=\"num\">").Append(E(ReportFormat.Usd(job.Usage.CostUsd))).Append("</td>")
                .Append("<td><a href=\"").Append(E(report)).Append("?format=html\">html</a> · <a href=\"").Append(E(report)).Append("?format=json\">json</a></td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n</section>\n");
    }

    public static string NotFound(string jobId)
    {
        var html = new StringBuilder();
        Head(html, "No such job", "");
        html.Append("<body>\n<header><h1>No such job</h1><p data-testid=\"not-found\">There is no job '").Append(E(jobId))
            .Append("' in this cluster. <a href=\"/jobs\">All jobs</a></p></header>\n</body>\n</html>\n");
        return html.ToString();
    }

    public static string Job(string jobId)
    {
        var html = new StringBuilder();
        Head(html, $"Job {jobId}", "");
        var report = "/api/jobs/" + Uri.EscapeDataString(jobId) + "/report";
        html.Append("<body data-job-id=\"").Append(E(jobId)).Append("\">\n<header>\n<p class=\"meta\"><a href=\"/jobs\">All jobs</a></p>\n")
            .Append("<h1>Job <span data-testid=\"job-id\">").Append(E(jobId)).Append("</span> <span class=\"status\" data-testid=\"job-status\">…</span></h1>\n")
            .Append("<p class=\"meta\"><span data-testid=\"job-input\"></span> · report: <a data-testid=\"report-html\" href=\"").Append(E(report))
            .Append("?format=html\">html</a> · <a data-testid=\"report-json\" href=\"").Append(E(report)).Append("?format=json\">json</a> · <span data-testid=\"poll-state\">loading…</span></p>\n")
            .Append("<p class=\"error\" data-testid=\"poll-error\" hidden></p><p class=\"error\" data-testid=\"job-error\" hidden></p>\n</header>\n<main>\n");
        html.Append("<dl class=\"cards\">\n");
        foreach (var (label, testId) in Cards)
        {
            html.Append("<div><dt>").Append(E(label)).Append("</dt><dd data-testid=\"").Append(testId).Append("\">—</dd></div>\n");
        }

        html.Append("</dl>\n<section><h2>Live charts</h2>\n<div class=\"charts\">\n");
        foreach (var (testId, title, unit) in Charts)
        {
            html.Append("<figure class=\"chart\" data-testid=\"").Append(testId).Append("\"><figcaption>").Append(E(title))
                .Append(" <span class=\"unit\">(").Append(E(unit)).Append(")</span></figcaption>")
                .Append(CultureInfo.InvariantCulture, $"<svg viewBox=\"0 0 {SvgChart.Width} {SvgChart.Height}\" role=\"img\" aria-label=\"{E(title)}\" data-points=\"0\"></svg>")
                .Append("<ul class=\"legend\"></ul></figure>\n");
        }

        html.Append("</div>\n</section>\n")
            .Append("<section><h2>Workers now</h2><p><span data-testid=\"workers-now\">—</span> in the cluster <span class=\"meta\" data-testid=\"manual-override\"></span></p>")
            .Append("<ul data-testid=\"workers-per-silo\"></ul></section>\n")
            .Append("<section><h2>Decision log</h2>\n<p class=\"meta\">The AutoScaler's decisions since this job was submitted, newest first.</p>\n")
            .Append("<table><thead><tr><th>time (UTC)</th><th>workers</th><th>per silo</th><th>reason</th><th>manual</th></tr></thead>\n")
            .Append("<tbody data-testid=\"decision-log\"></tbody></table>\n</section>\n</main>\n<script>\n")
            .Append(Script).Append("</script>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static readonly (string Label, string TestId)[] Cards =
    [
        ("rows done", "rows-done"), ("of rows", "rows-total"), ("ok / failed / rejected", "row-counts"), ("tickets/s", "tickets-per-second"),
        ("chunks", "chunks"), ("spend so far", "spend"), ("ETA", "eta"), ("elapsed", "elapsed"), ("requests / 429s", "requests"),
    ];

    private static readonly (string TestId, string Title, string Unit)[] Charts =
    [
        ("chart-throughput", "Throughput", "tickets/s"),
        ("chart-workers", "Workers per silo", "this job's chunks running; the cluster's limit"),
        ("chart-errors", "Errors", "failed and rejected rows so far"),
        ("chart-429", "429s", "rate-limited responses so far"),
        ("chart-spend", "Spend so far", "USD"),
        ("chart-eta", "ETA", "seconds left"),
    ];

    private static void Head(StringBuilder html, string title, string extra) =>
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append(extra).Append("<title>").Append(E(title)).Append("</title>\n<style>\n").Append(ScalingReportHtml.Css).Append("</style>\n</head>\n");

    private static string E(string text) => HtmlEncoder.Default.Encode(text);

    /// <summary>The live page's script: polls the job's JSON every second and redraws; every value is set as text.</summary>
    private const string Script = """
        (() => {
          'use strict';
          const jobId = document.body.dataset.jobId;
          const api = '/api/jobs/' + encodeURIComponent(jobId);
          const svgNs = 'http://www.w3.org/2000/svg';
          const W = 640, H = 220, L = 56, R = 14, T = 12, B = 28, maxDots = 240;
          const byId = id => document.querySelector('[data-testid="' + id + '"]');
          const setText = (id, text) => { const e = byId(id); if (e.textContent !== text) e.textContent = text; };
          const count = n => Number(n || 0).toLocaleString('en-US');
          const usd = v => '$' + Number(v || 0).toLocaleString('en-US', { minimumFractionDigits: v && v < 1 ? 4 : 2, maximumFractionDigits: v && v < 1 ? 4 : 2 });
          const utc = s => Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(s) ? s : s + 'Z');
          const finished = s => s === 'completed' || s === 'failed' || s === 'cancelled';

          function duration(seconds) {
            if (seconds === null || seconds === undefined) return '—';
            if (seconds < 1) return Math.round(seconds * 1000) + ' ms';
            if (seconds < 60) return seconds.toFixed(1) + ' s';
            if (seconds < 3600) return Math.floor(seconds / 60) + ' min ' + String(Math.floor(seconds % 60)).padStart(2, '0') + ' s';
            return Math.floor(seconds / 3600) + ' h ' + String(Math.floor(seconds % 3600 / 60)).padStart(2, '0') + ' min';
          }

          function elapsed(seconds) {
            const s = Math.round(Math.max(0, seconds));
            const h = Math.floor(s / 3600), m = Math.floor(s % 3600 / 60), r = String(s % 60).padStart(2, '0');
            return h > 0 ? h + ':' + String(m).padStart(2, '0') + ':' + r : m + ':' + r;
          }

          function compact(v) {
            const a = Math.abs(v);
            if (a >= 1e6) return +(v / 1e6).toFixed(2) + 'M';
            if (a >= 1e4) return +(v / 1e3).toFixed(1) + 'k';
            if (a >= 100) return String(Math.round(v));
            if (a >= 1) return String(+v.toFixed(2));
            return a === 0 ? '0' : String(+v.toFixed(4));
          }

          function niceMax(max) {
            if (!(max > 0) || !isFinite(max)) return 1;
            const p = Math.pow(10, Math.floor(Math.log10(max)));
            for (const step of [1, 2, 2.5, 5, 10]) if (step * p >= max) return step * p;
            return 10 * p;
          }

          function svg(name, attrs, text) {
            const e = document.createElementNS(svgNs, name);
            for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
            if (text !== undefined) e.textContent = text;
            return e;
          }

          function chart(id, times, series) {
            const figure = byId(id), plot = figure.querySelector('svg'), legend = figure.querySelector('.legend');
            const values = series.flatMap(s => s.values).filter(v => v !== null && v !== undefined);
            const max = niceMax(values.length ? Math.max(...values) : 0);
            const pw = W - L - R, ph = H - T - B;
            const span = times.length > 1 ? (times[times.length - 1] - times[0]) / 1000 : 0;
            const parts = [];
            for (let i = 0; i <= 2; i++) {
              const y = T + ph - ph * i / 2;
              parts.push(svg('line', { class: 'grid', x1: L, y1: y, x2: W - R, y2: y }));
              parts.push(svg('text', { class: 'axis', x: L - 6, y: y + 4, 'text-anchor': 'end' }, compact(max * i / 2)));
            }
            parts.push(svg('text', { class: 'axis', x: L, y: H - 8 }, '0:00'));
            parts.push(svg('text', { class: 'axis', x: W - R, y: H - 8, 'text-anchor': 'end' }, elapsed(span)));
            if (times.length === 0) parts.push(svg('text', { class: 'empty', x: W / 2, y: H / 2, 'text-anchor': 'middle' }, 'no samples yet'));
            const items = [];
            series.forEach((s, n) => {
              const cls = 's' + (n % 8);
              // A sample without a value (an ETA before there is a rate) is left out of its line.
              const points = times.flatMap((t, i) => {
                if (s.values[i] === null || s.values[i] === undefined) return [];
                const x = L + (span > 0 ? pw * (t - times[0]) / 1000 / span : 0);
                const y = T + ph - ph * Math.min(1, Math.max(0, s.values[i] / max));
                return [[x.toFixed(1), y.toFixed(1)]];
              });
              parts.push(svg('polyline', { class: 'line ' + cls + (s.dashed ? ' dashed' : ''), 'data-series': s.name, points: points.map(p => p.join(',')).join(' ') }));
              if (times.length <= maxDots) points.forEach(([x, y]) => parts.push(svg('circle', { class: 'pt ' + cls, cx: x, cy: y, r: 2.5 })));
              const item = document.createElement('li');
              const swatch = document.createElement('span');
              swatch.className = 'swatch ' + cls;
              const last = s.values.length ? s.values[s.values.length - 1] : 0;
              item.append(swatch, s.name + ': ' + (last === null || last === undefined ? '—' : compact(last)));
              items.push(item);
            });
            plot.replaceChildren(...parts);
            plot.setAttribute('data-points', String(times.length));
            legend.replaceChildren(...items);
          }

          function cell(text) { const td = document.createElement('td'); td.textContent = text; return td; }

          function render(view) {
            const p = view.progress, timeline = view.timeline, d = view.details;
            const status = byId('job-status');
            setText('job-status', p.status);
            status.className = 'status ' + p.status;
            setText('job-input', d.spec.inputPath + ' → ' + d.spec.outputPath);
            setText('rows-done', count(p.processedRows));
            setText('rows-total', count(p.inputRows));
            setText('row-counts', count(p.counts.ok) + ' / ' + count(p.counts.failed) + ' / ' + count(p.counts.rejected));
            setText('tickets-per-second', p.ticketsPerSecond.toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 }));
            setText('chunks', count(p.chunksDone) + ' of ' + count(p.chunksTotal) + ', ' + count(p.chunksRunning) + ' running');
            setText('spend', usd(p.usage.costUsd));
            setText('eta', finished(p.status) ? 'done' : duration(p.etaSeconds));
            setText('elapsed', duration(p.elapsedSeconds));
            setText('requests', count(p.usage.requests) + ' / ' + count(p.usage.rateLimited));
            const error = byId('job-error');
            error.hidden = !p.error;
            setText('job-error', p.error || '');

            const times = timeline.map(s => utc(s.timeUtc));
            const silos = [...new Set(timeline.flatMap(s => Object.keys(s.runningPerSilo)))].sort();
            const of = (name, f) => ({ name, values: timeline.map(f) });
            chart('chart-throughput', times, [of('tickets/s', s => s.ticketsPerSecond)]);
            chart('chart-workers', times, [{ ...of('cluster limit', s => s.clusterWorkers), dashed: true }]
              .concat(silos.map(silo => of(silo, s => s.runningPerSilo[silo] || 0))));
            chart('chart-errors', times, [of('failed rows', s => s.failed), of('rejected rows', s => s.rejected)]);
            chart('chart-429', times, [of('429 responses', s => s.rateLimited)]);
            chart('chart-spend', times, [of('spend', s => Number(s.costUsd))]);
            chart('chart-eta', times, [of('ETA', s => s.etaSeconds)]);

            const dash = view.dashboard;
            setText('workers-now', count(dash.currentWorkers));
            setText('manual-override', dash.manualOverride ? '(held by hand: ' + dash.manualOverride + ')' : '');
            byId('workers-per-silo').replaceChildren(...Object.entries(dash.workersPerSilo).map(([silo, w]) => {
              const li = document.createElement('li');
              li.textContent = silo + ': ' + w + ' workers';
              return li;
            }));
            byId('decision-log').replaceChildren(...view.decisions.slice().reverse().map(x => {
              const tr = document.createElement('tr');
              tr.setAttribute('data-testid', 'decision-row');
              const reason = cell(x.reason);
              reason.setAttribute('data-testid', 'decision-reason');
              tr.append(cell(new Date(utc(x.timeUtc)).toISOString().substring(11, 19)), cell(x.fromWorkers + ' → ' + x.toWorkers),
                cell(Object.entries(x.perSilo).map(([s, w]) => s + ': ' + w).join(', ')), reason, cell(x.manual ? 'yes' : 'no'));
              return tr;
            }));
          }

          async function poll() {
            let done = false;
            try {
              const response = await fetch(api, { cache: 'no-store' });
              if (!response.ok) throw new Error('HTTP ' + response.status);
              const view = await response.json();
              render(view);
              done = finished(view.progress.status);
              setText('poll-state', (done ? 'final, ' : 'live, ') + 'updated ' + new Date().toISOString().substring(11, 19) + ' UTC');
              byId('poll-error').hidden = true;
            } catch (e) {
              const box = byId('poll-error');
              box.hidden = false;
              box.textContent = 'could not read the job: ' + e.message;
            }
            if (!done) setTimeout(poll, 1000);
          }

          poll();
        })();

        """;
}
