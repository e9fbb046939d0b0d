using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Scalability.GrainInterfaces.Quality;

namespace Scalability.Grains.Reporting;

/// <summary>
/// The quality section of the HTML report: the categories with their confidence quartiles, the tickets to review, the
/// languages and the proposed new categories, with the figures of the summary's quality section. Every text from data
/// is HTML-encoded; confidences are shown with three decimals, as the results file writes them.
/// </summary>
public static class QualityHtml
{
    public static void Render(StringBuilder html, QualitySection? quality, JobStatus status)
    {
        html.Append("<section><h2>Quality</h2>\n");
        if (quality is null)
        {
            html.Append("<p data-testid=\"quality-none\">").Append(status.IsFinished()
                ? "No quality figures: the job processed no chunk."
                : "The quality figures are shown once the job has finished.").Append("</p>\n</section>\n");
            return;
        }

        html.Append("<p class=\"meta\" data-testid=\"quality-meta\">").Append(ReportFormat.Count(quality.Categorized))
            .Append(" tickets categorized · review threshold ").Append(ReportFormat.Number(quality.ReviewBelow, "0.###"))
            .Append(" · quartiles are nearest-rank: the confidence at rank ⌈p·n⌉</p>\n");
        Categories(html, quality);
        Review(html, quality);
        Languages(html, quality);
        Proposals(html, quality);
        html.Append("</section>\n");
    }

    private static void Categories(StringBuilder html, QualitySection quality)
    {
        html.Append("<table data-testid=\"quality-categories\">\n<thead><tr><th>category</th><th>tickets</th><th>share</th><th>min</th><th>q1</th>")
            .Append("<th>median</th><th>q3</th><th>max</th></tr></thead>\n<tbody>\n");
        foreach (var c in quality.Categories)
        {
            html.Append("<tr data-testid=\"quality-category-row\"><td data-testid=\"q-category\">").Append(E(c.Category)).Append("</td>");
            Cell(html, "q-tickets", ReportFormat.Count(c.Tickets));
            Cell(html, "q-share", ReportFormat.Number(c.SharePercent, "0.0") + "%");
            Quartiles(html, c.Confidence);
            html.Append("</tr>\n");
        }

        if (quality.Confidence is { } all)
        {
            html.Append("<tr data-testid=\"quality-overall-row\"><th>all</th>");
            Cell(html, "q-tickets", ReportFormat.Count(quality.Categorized));
            Cell(html, "q-share", "100.0%");
            Quartiles(html, all);
            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }

    private static void Quartiles(StringBuilder html, ConfidenceQuartiles q)
    {
        Cell(html, "q-min", Confidence(q.Min));
        Cell(html, "q-q1", Confidence(q.Q1));
        Cell(html, "q-median", Confidence(q.Median));
        Cell(html, "q-q3", Confidence(q.Q3));
        Cell(html, "q-max", Confidence(q.Max));
    }

    private static void Review(StringBuilder html, QualitySection quality)
    {
        var r = quality.Review;
        html.Append("<p data-testid=\"quality-review\"><strong data-testid=\"review-tickets\">").Append(ReportFormat.Count(r.Tickets))
            .Append("</strong> tickets to review (<span data-testid=\"review-share\">").Append(ReportFormat.Number(r.SharePercent, "0.0"))
            .Append("%</span> of those categorized): <span data-testid=\"review-other\">").Append(ReportFormat.Count(r.InOther)).Append("</span> in ")
            .Append(E(quality.FallbackCategory)).Append(", <span data-testid=\"review-below\">").Append(ReportFormat.Count(r.BelowThreshold))
            .Append("</span> with a confidence below ").Append(ReportFormat.Number(quality.ReviewBelow, "0.###")).Append('.');
        if (r.Path is { } path)
        {
            html.Append(" Review file: <code data-testid=\"review-path\">").Append(E(path)).Append("</code>");
        }

        html.Append("</p>\n");
    }

    private static void Languages(StringBuilder html, QualitySection quality)
    {
        html.Append("<h3>Languages</h3>\n<table data-testid=\"quality-languages\">\n<thead><tr><th>language</th><th>tickets</th><th>share</th></tr></thead>\n<tbody>\n");
        foreach (var l in quality.Languages)
        {
            html.Append("<tr data-testid=\"language-row\"><td data-testid=\"l-language\">").Append(E(l.Language)).Append("</td>");
            Cell(html, "l-tickets", ReportFormat.Count(l.Tickets));
            Cell(html, "l-share", ReportFormat.Number(l.SharePercent, "0.0") + "%");
            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }

    private static void Proposals(StringBuilder html, QualitySection quality)
    {
        html.Append("<h3>Proposed categories</h3>\n");
        if (quality.Proposing is { } run)
        {
            html.Append("<p class=\"meta\" data-testid=\"proposals-method\">Groups of alike tickets among the ").Append(ReportFormat.Count(run.ReviewTickets))
                .Append(" review tickets").Append(run.Sampled < run.ReviewTickets
                    ? $" (an even sample of {ReportFormat.Count(run.Sampled)} was clustered; sizes are estimated for all of them)"
                    : "").Append(", by TF-IDF over ").Append(ReportFormat.Count(run.Terms)).Append(" content words: ")
                .Append(ReportFormat.Count(run.Groups)).Append(" groups found, those large and coherent enough proposed; read in ")
                .Append(E(ReportFormat.Duration(run.ReadSeconds))).Append(", clustered in ").Append(E(ReportFormat.Duration(run.ClusterSeconds)))
                .Append(".</p>\n");
        }

        if (quality.Proposals.Count == 0)
        {
            var why = quality.Proposing?.Note ?? "they are made once the job has completed";
            html.Append("<p data-testid=\"proposals-note\">No proposed categories: ").Append(E(why)).Append(".</p>\n");
            return;
        }

        html.Append("<table data-testid=\"quality-proposals\">\n<thead><tr><th>#</th><th>telling terms</th><th>tickets</th><th>share of review</th>")
            .Append("<th>coherence</th><th>examples</th></tr></thead>\n<tbody>\n");
        for (var i = 0; i < quality.Proposals.Count; i++)
        {
            var p = quality.Proposals[i];
            html.Append("<tr data-testid=\"proposal-row\"><td class=\"num\">").Append(i + 1).Append("</td><td data-testid=\"p-terms\">")
                .Append(string.Join(", ", p.Terms.Select(t => $"<span class=\"term\">{E(t)}</span>"))).Append("</td>");
            Cell(html, "p-tickets", ReportFormat.Count(p.Tickets));
            Cell(html, "p-share", ReportFormat.Number(p.SharePercent, "0.0") + "%");
            Cell(html, "p-coherence", Confidence(p.Coherence));
            html.Append("<td data-testid=\"p-examples\">").Append(E(string.Join(", ", p.Examples))).Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }

    private static void Cell(StringBuilder html, string testId, string value) =>
        html.Append("<td class=\"num\" data-testid=\"").Append(testId).Append("\">").Append(E(value)).Append("</td>");

    private static string Confidence(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    private static string E(string text) => HtmlEncoder.Default.Encode(text);
}
