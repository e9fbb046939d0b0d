using System.Net;
using System.Text.RegularExpressions;
using Scalability.GrainInterfaces.Quality;
using Scalability.Grains.Reporting;

namespace Scalability.Tests.Reporting;

/// <summary>The HTML report: one self-contained file with a chart per measure, every decision's reason escaped, and no script.</summary>
public sealed partial class ScalingReportHtmlTests
{
    private static readonly string Html = ScalingReportHtml.Render(ReportFixtures.Finished());

    [Fact]
    public void Every_chart_is_an_inline_svg_with_a_point_per_sample_in_each_line()
    {
        foreach (var id in ScalingReportHtml.ChartIds)
        {
            var figure = Figure(id);
            Assert.Contains("<svg ", figure);
            Assert.Contains("data-points=\"5\"", figure);
            var lines = PolylinePoints().Matches(figure);
            Assert.NotEmpty(lines);
            Assert.All(lines, line => Assert.Equal(5, line.Groups[1].Value.Split(' ').Length));
            Assert.Equal(5 * lines.Count, Regex.Count(figure, "<circle "));
        }

        // The workers chart: the cluster's limit and one line per silo.
        Assert.Equal(["cluster limit", $"job on {ReportFixtures.SiloA}", $"job on {ReportFixtures.SiloB}"],
            SeriesNames().Matches(Figure("chart-workers")).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)));
        Assert.Equal(["p50", "p95"], SeriesNames().Matches(Figure("chart-latency")).Select(m => m.Groups[1].Value));
    }

    [Fact]
    public void Every_decisions_reason_is_shown_escaped_and_the_file_has_no_script_at_all()
    {
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; a burst", Html);
        Assert.Contains(ReportFixtures.AutomaticReason, Html);
        Assert.DoesNotContain("<script", Html, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(2, Regex.Count(Html, "data-testid=\"decision-row\""));
        Assert.Contains("<td class=\"num\">4 → 6</td>", Html);
    }

    [Fact]
    public void The_file_references_nothing_outside_itself()
    {
        Assert.DoesNotContain("http://", Html);
        Assert.DoesNotContain("https://", Html);
        Assert.DoesNotMatch(@"\s(src|href)\s*=", Html);
        Assert.DoesNotContain("url(", Html);
        Assert.DoesNotContain("@import", Html);
        Assert.StartsWith("<!DOCTYPE html>", Html);
        Assert.EndsWith("</html>\n", Html);
    }

    [Fact]
    public void Per_silo_totals_and_estimates_against_actuals_are_tabled()
    {
        Assert.Equal(2, Regex.Count(Html, "data-testid=\"silo-row\""));
        Assert.Contains($"<td>{ReportFixtures.SiloA}</td><td class=\"num\">600</td><td class=\"num\">60.0%</td><td class=\"num\">3</td><td class=\"num\">35 s</td>",
            WebUtility.HtmlDecode(Html));
        Assert.Contains("<td>duration</td><td class=\"num\">20 s</td><td class=\"num\">25 s</td><td class=\"num\">-20.0%</td>", Html);
        Assert.Contains("<td>cost</td><td class=\"num\">$2.00</td><td class=\"num\">$2.50</td><td class=\"num\">-20.0%</td>", Html);
        Assert.Contains("Estimated from the job's own estimate, made once it was planned", WebUtility.HtmlDecode(Html));
        Assert.Contains("Estimate error = (estimate − actual) / actual: positive when the estimate was too high.", WebUtility.HtmlDecode(Html));
        Assert.Contains("<h3>Reference profile (for LLM-class processing)</h3>", Html);
        Assert.Contains("Profile tiny (1 to 1,000 rows) of the seed's resource-profiles.json, for 1,000 rows: 7 min 00 s with 2 workers", WebUtility.HtmlDecode(Html));
    }

    [Fact]
    public void A_job_with_no_samples_yet_still_renders_its_charts_empty()
    {
        var report = ReportFixtures.Running() with { Timeline = [] };

        var html = ScalingReportHtml.Render(report);

        Assert.Equal(ScalingReportHtml.ChartIds.Count, Regex.Count(html, "no samples yet"));
        Assert.Contains("Actuals are shown once the job has finished.", html);
    }

    [Fact]
    public void The_quality_section_tables_the_categories_quartiles_languages_and_proposals_with_data_encoded()
    {
        var quality = Html[Html.IndexOf("<section><h2>Quality</h2>", StringComparison.Ordinal)..Html.IndexOf("<section><h2>Timeline</h2>", StringComparison.Ordinal)];

        Assert.Equal(2, Regex.Count(quality, "data-testid=\"quality-category-row\""));
        Assert.Contains("<td data-testid=\"q-category\">billing</td><td class=\"num\" data-testid=\"q-tickets\">600</td><td class=\"num\" data-testid=\"q-share\">60.6%</td>" +
                        "<td class=\"num\" data-testid=\"q-min\">0.310</td><td class=\"num\" data-testid=\"q-q1\">0.520</td><td class=\"num\" data-testid=\"q-median\">0.640</td>" +
                        "<td class=\"num\" data-testid=\"q-q3\">0.770</td><td class=\"num\" data-testid=\"q-max\">0.950</td>", quality);
        Assert.Contains("<strong data-testid=\"review-tickets\">212</strong> tickets to review", quality);
        Assert.Equal(2, Regex.Count(quality, "data-testid=\"language-row\""));
        Assert.Contains("<span class=\"term\">gift card</span>, <span class=\"term\">balance</span>", quality);
        Assert.Contains("T-1, &lt;b onmouseover=alert(1)&gt;T-7&lt;/b&gt;, T-9", quality);
        Assert.DoesNotContain(ReportFixtures.MarkupId, Html);
    }

    [Fact]
    public void A_report_without_proposals_says_why_and_a_running_jobs_says_when_its_figures_come()
    {
        var finished = ReportFixtures.Finished();
        var none = ScalingReportHtml.Render(finished with
        {
            Quality = finished.Quality! with { Proposals = [], Proposing = new ProposalRun(3, 3, 0, 0, 0, 0, "too few review tickets to find groups in (3; at least 10 are needed)") },
        });

        Assert.Contains("<p data-testid=\"proposals-note\">No proposed categories: too few review tickets to find groups in (3; at least 10 are needed).</p>", none);
        Assert.DoesNotContain("data-testid=\"quality-proposals\"", none);
        Assert.Contains("<p data-testid=\"quality-none\">The quality figures are shown once the job has finished.</p>", ScalingReportHtml.Render(ReportFixtures.Running()));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(0.7, 1)]
    [InlineData(3, 5)]
    [InlineData(11, 20)]
    [InlineData(230, 250)]
    [InlineData(9937, 10_000)]
    public void Chart_scales_end_at_a_round_number(double max, double expected) => Assert.Equal(expected, SvgChart.NiceMax(max));

    private static string Figure(string testId)
    {
        var start = Html.IndexOf($"data-testid=\"{testId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no {testId} in the report");
        return Html[start..Html.IndexOf("</figure>", start, StringComparison.Ordinal)];
    }

    [GeneratedRegex("<polyline [^>]*points=\"([^\"]*)\"")]
    private static partial Regex PolylinePoints();

    [GeneratedRegex("<polyline [^>]*data-series=\"([^\"]*)\"")]
    private static partial Regex SeriesNames();
}
