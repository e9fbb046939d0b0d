using System.Globalization;
using System.Text.Json;
using Scalability.GrainInterfaces;
using Scalability.Tests.Support;

namespace Scalability.Tests.Quality;

/// <summary>
/// The real <c>scale run</c> on the planted-topics fixture: the summary's quality section and the review file, checked
/// against the results file, and the planted topics proposed with the sizes they have in the review file.
/// </summary>
public sealed class QualityRunTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task The_quality_section_and_the_review_file_match_the_results_and_the_planted_topics_are_proposed()
    {
        var output = _temp.File("results.csv");

        var run = await ScaleCli.RunAsync(_temp.Path, "run", PlantedTopics.Path, "--out", output, "--text-columns", "subject,body",
            "--chunk-size", "40", "--review-below", PlantedTopics.ReviewBelowOption, "--json");

        Assert.True(run.ExitCode == 0, run.StdErr);
        var json = JsonDocument.Parse(run.StdOut).RootElement;
        var summary = json.Deserialize<JobSummary>(ScaleJson.Options)!;
        var quality = summary.Quality!;
        var results = CsvFiles.Read(output);
        var reviewPath = output + ".review.csv";
        var (subject, body, topic) = (results.Column("subject"), results.Column("body"), results.Column("topic"));
        Assert.Equal((150L, 4), (summary.Ok, summary.Chunks));
        QualityExpectations.AssertFigures(quality, results, PlantedTopics.ReviewBelow, reviewPath);
        QualityExpectations.AssertReviewFile(reviewPath, results, PlantedTopics.ReviewBelow, "ticket_id", r => r[subject] + "\n\n" + r[body]);
        var jsonReview = json.GetProperty("quality").GetProperty("review");
        Assert.Equal(CsvFiles.Read(reviewPath).Rows.Count, jsonReview.GetProperty("tickets").GetInt64());
        Assert.Equal(reviewPath, jsonReview.GetProperty("path").GetString());

        // Each planted topic is proposed with exactly its tickets that went to review, and nothing else.
        var review = QualityExpectations.ReviewRows(results, PlantedTopics.ReviewBelow);
        var expected = new[] { (PlantedTopics.GiftCards, "gift card"), (PlantedTopics.LoyaltyPoints, "loyalty points"), (PlantedTopics.StoreAppointments, "store appointment") };
        Assert.Equal(3, quality.Proposals.Count);
        foreach (var (planted, term) in expected)
        {
            var ids = review.Where(r => r[topic] == planted).Select(r => r[results.Column("ticket_id")]).ToArray();
            var proposal = Assert.Single(quality.Proposals, p => p.Terms[0] == term);
            Assert.Equal((long)ids.Length, proposal.Tickets);
            Assert.Equal(QualityExpectations.Percent(ids.Length, review.Count), proposal.SharePercent);
            Assert.All(proposal.Examples, id => Assert.Contains(id, ids));
            Assert.Equal(3, proposal.Examples.Count);
        }

        Assert.Equal(quality.Proposals.Select(p => p.Tickets).OrderDescending(), quality.Proposals.Select(p => p.Tickets));
        var proposing = quality.Proposing!;
        Assert.Equal(((long)review.Count, review.Count, (string?)null), (proposing.ReviewTickets, proposing.Sampled, proposing.Note));
    }

    [Fact]
    public async Task Scale_run_prints_a_quality_block_with_the_threshold_it_was_given()
    {
        var output = _temp.File("results.csv");

        var run = await ScaleCli.RunAsync(_temp.Path, "run", PlantedTopics.Path, "--out", output, "--text-columns", "subject,body",
            "--review-below", "0.6");

        Assert.True(run.ExitCode == 0, run.StdErr);
        var summary = JsonSerializer.Deserialize<JobSummary>(await File.ReadAllTextAsync(output + ".summary.json"), ScaleJson.Options)!;
        var quality = summary.Quality!;
        var results = CsvFiles.Read(output);
        var reviewPath = output + ".review.csv";
        QualityExpectations.AssertFigures(quality, results, 0.6, reviewPath);
        QualityExpectations.AssertReviewFile(reviewPath, results, 0.6, "ticket_id",
            r => r[results.Column("subject")] + "\n\n" + r[results.Column("body")]);
        var lines = run.StdOut.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var block = lines.IndexOf("quality");
        Assert.True(block > 0, run.StdOut);
        var top = quality.Categories.Take(3).Select(c =>
            string.Create(CultureInfo.InvariantCulture, $"{c.Category} {c.Tickets:N0} ({c.SharePercent:0.#}%, median confidence {c.Confidence.Median:0.00})"));
        Assert.Equal("  top        " + string.Join(" · ", top), lines[block + 1]);
        Assert.Equal(string.Create(CultureInfo.InvariantCulture,
            $"  review     {quality.Review.Tickets:N0} of 150 tickets ({quality.Review.SharePercent:0.#}%): {quality.Review.InOther:N0} in other, {quality.Review.BelowThreshold:N0} below 0.6"),
            lines[block + 2]);
        Assert.Equal($"             {reviewPath}", lines[block + 3]);
        Assert.Equal("  languages  " + string.Join(" · ", quality.Languages.Select(l =>
            string.Create(CultureInfo.InvariantCulture, $"{l.Language} {l.Tickets:N0} ({l.SharePercent:0.#}%)"))), lines[block + 4]);
        Assert.NotEmpty(quality.Proposals);
        for (var i = 0; i < quality.Proposals.Count; i++)
        {
            var p = quality.Proposals[i];
            Assert.Equal(string.Create(CultureInfo.InvariantCulture,
                $"{(i == 0 ? "  proposals" : "           ")}  {i + 1,2}. {string.Join(", ", p.Terms)} ({p.Tickets:N0} tickets, {p.SharePercent:0.#}% of review)"),
                lines[block + 5 + i]);
        }
    }

    [Fact]
    public async Task A_review_threshold_outside_0_to_1_is_bad_usage()
    {
        var run = await ScaleCli.RunAsync(_temp.Path, "run", PlantedTopics.Path, "--out", _temp.File("out.csv"), "--review-below", "1.5");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("error: --review-below must be a confidence between 0 and 1 (got 1.5)", run.StdErr);
        Assert.False(File.Exists(_temp.File("out.csv.review.csv")));
    }
}
