using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using Scalability.Tests.Quality;
using Scalability.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Scalability.Tests.Http;

/// <summary>
/// The quality section of <c>scale report</c>'s HTML, read in headless Chromium: its tables and proposals show the
/// values of the same report's JSON.
/// </summary>
public sealed class QualityReportPageTests : IDisposable
{
    private readonly TempFolder _temp = new();

    static QualityReportPageTests() => SetDefaultExpectTimeout((float)TimeSpan.FromSeconds(30).TotalMilliseconds);

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task The_html_reports_quality_tables_and_proposals_show_the_values_of_its_json()
    {
        var run = await ScaleCli.RunAsync(_temp.Path, "run", PlantedTopics.Path, "--out", _temp.File("results.csv"), "--text-columns", "subject,body",
            "--chunk-size", "40", "--review-below", PlantedTopics.ReviewBelowOption, "--json");
        Assert.True(run.ExitCode == 0, run.StdErr);
        var jobId = JsonDocument.Parse(run.StdOut).RootElement.GetProperty("jobId").GetString()!;
        var json = await ScaleCli.RunAsync(_temp.Path, "report", jobId, "--format", "json", "--out", "report.json");
        var html = await ScaleCli.RunAsync(_temp.Path, "report", jobId, "--format", "html", "--out", "report.html");
        Assert.True(json.ExitCode == 0 && html.ExitCode == 0, json.StdErr + html.StdErr);
        var quality = JsonDocument.Parse(await File.ReadAllTextAsync(_temp.File("report.json"))).RootElement.GetProperty("quality");

        await using var chromium = await HeadlessChromium.LaunchAsync();
        var page = await chromium.Browser.NewPageAsync();
        var requested = new List<string>();
        page.Request += (_, request) => requested.Add(request.Url);
        await page.GotoAsync(new Uri(_temp.File("report.html")).AbsoluteUri);

        var categories = quality.GetProperty("categories").EnumerateArray().ToArray();
        var rows = page.GetByTestId("quality-categories").GetByTestId("quality-category-row");
        await Expect(rows).ToHaveCountAsync(categories.Length);
        for (var i = 0; i < categories.Length; i++)
        {
            var row = rows.Nth(i);
            await Expect(row.GetByTestId("q-category")).ToHaveTextAsync(categories[i].GetProperty("category").GetString()!);
            await Expect(row.GetByTestId("q-tickets")).ToHaveTextAsync(Count(categories[i].GetProperty("tickets")));
            await Expect(row.GetByTestId("q-share")).ToHaveTextAsync(Share(categories[i].GetProperty("sharePercent")));
            await ExpectQuartilesAsync(row, categories[i].GetProperty("confidence"));
        }

        var overall = page.GetByTestId("quality-overall-row");
        await Expect(overall.GetByTestId("q-tickets")).ToHaveTextAsync(Count(quality.GetProperty("categorized")));
        await ExpectQuartilesAsync(overall, quality.GetProperty("confidence"));

        var review = quality.GetProperty("review");
        await Expect(page.GetByTestId("review-tickets")).ToHaveTextAsync(Count(review.GetProperty("tickets")));
        await Expect(page.GetByTestId("review-share")).ToHaveTextAsync(Share(review.GetProperty("sharePercent")));
        await Expect(page.GetByTestId("review-other")).ToHaveTextAsync(Count(review.GetProperty("inOther")));
        await Expect(page.GetByTestId("review-below")).ToHaveTextAsync(Count(review.GetProperty("belowThreshold")));
        await Expect(page.GetByTestId("review-path")).ToHaveTextAsync(review.GetProperty("path").GetString()!);

        var languages = quality.GetProperty("languages").EnumerateArray().ToArray();
        var languageRows = page.GetByTestId("quality-languages").GetByTestId("language-row");
        await Expect(languageRows).ToHaveCountAsync(languages.Length);
        for (var i = 0; i < languages.Length; i++)
        {
            await Expect(languageRows.Nth(i).GetByTestId("l-language")).ToHaveTextAsync(languages[i].GetProperty("language").GetString()!);
            await Expect(languageRows.Nth(i).GetByTestId("l-tickets")).ToHaveTextAsync(Count(languages[i].GetProperty("tickets")));
            await Expect(languageRows.Nth(i).GetByTestId("l-share")).ToHaveTextAsync(Share(languages[i].GetProperty("sharePercent")));
        }

        var proposals = quality.GetProperty("proposals").EnumerateArray().ToArray();
        Assert.Equal(3, proposals.Length);
        var proposalRows = page.GetByTestId("quality-proposals").GetByTestId("proposal-row");
        await Expect(proposalRows).ToHaveCountAsync(proposals.Length);
        for (var i = 0; i < proposals.Length; i++)
        {
            var row = proposalRows.Nth(i);
            var terms = proposals[i].GetProperty("terms").EnumerateArray().Select(t => t.GetString()!).ToArray();
            await Expect(row.GetByTestId("p-terms")).ToHaveTextAsync(string.Join(", ", terms));
            await Expect(row.GetByTestId("p-terms").Locator("span.term")).ToHaveCountAsync(terms.Length);
            await Expect(row.GetByTestId("p-tickets")).ToHaveTextAsync(Count(proposals[i].GetProperty("tickets")));
            await Expect(row.GetByTestId("p-share")).ToHaveTextAsync(Share(proposals[i].GetProperty("sharePercent")));
            await Expect(row.GetByTestId("p-coherence")).ToHaveTextAsync(Confidence(proposals[i].GetProperty("coherence")));
            await Expect(row.GetByTestId("p-examples")).ToHaveTextAsync(
                string.Join(", ", proposals[i].GetProperty("examples").EnumerateArray().Select(e => e.GetString())));
        }

        var proposing = quality.GetProperty("proposing");
        await Expect(page.GetByTestId("proposals-method")).ToContainTextAsync(
            $"among the {Count(proposing.GetProperty("reviewTickets"))} review tickets, by TF-IDF over {Count(proposing.GetProperty("terms"))} content words");
        Assert.All(requested, url => Assert.StartsWith("file://", url));
    }

    private static async Task ExpectQuartilesAsync(ILocator row, JsonElement quartiles)
    {
        foreach (var (name, testId) in new[] { ("min", "q-min"), ("q1", "q-q1"), ("median", "q-median"), ("q3", "q-q3"), ("max", "q-max") })
        {
            await Expect(row.GetByTestId(testId)).ToHaveTextAsync(Confidence(quartiles.GetProperty(name)));
        }
    }

    private static string Count(JsonElement value) => value.GetInt64().ToString("N0", CultureInfo.InvariantCulture);

    private static string Share(JsonElement value) => value.GetDouble().ToString("0.0", CultureInfo.InvariantCulture) + "%";

    private static string Confidence(JsonElement value) => value.GetDouble().ToString("0.000", CultureInfo.InvariantCulture);
}
