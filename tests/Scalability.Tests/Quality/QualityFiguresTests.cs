using Scalability.GrainInterfaces.Quality;
using Scalability.Grains.Quality;

namespace Scalability.Tests.Quality;

/// <summary>The quality figures: confidence histograms and their quartiles, what each row counts for, and their totals.</summary>
public sealed class QualityFiguresTests
{
    private static TicketResult Ok(string category, double confidence, string? language = null) =>
        new(category, confidence, "a summary", TicketStatus.Ok, null, Language: language);

    [Fact]
    public void Quartiles_are_nearest_rank_values_of_the_histogram()
    {
        var four = ConfidenceHistogram.Quartiles(new Dictionary<int, long> { [100] = 1, [200] = 1, [300] = 1, [400] = 1 });
        var five = ConfidenceHistogram.Quartiles(new Dictionary<int, long> { [900] = 1, [250] = 3, [600] = 1, [700] = 0 });

        Assert.Equal(new ConfidenceQuartiles(0.1, 0.1, 0.2, 0.3, 0.4), four);
        Assert.Equal(new ConfidenceQuartiles(0.25, 0.25, 0.25, 0.6, 0.9), five);
        Assert.Null(ConfidenceHistogram.Quartiles(new Dictionary<int, long>()));
        Assert.Equal((734, "0.734", "0.500"), (ConfidenceHistogram.Thousandths("0.734"), ConfidenceHistogram.Format(0.7341), ConfidenceHistogram.Format(0.4996)));
        Assert.Equal([0, 1000, 12_345, -250, 1500], new[] { "0.000", "1.000", "12.345", "-0.250", "1.5" }.Select(ConfidenceHistogram.Thousandths));
    }

    [Fact]
    public void A_row_is_to_be_reviewed_when_its_category_is_other_or_its_confidence_as_written_is_under_the_threshold()
    {
        var counter = new ChunkQualityCounter(0.5, "other");
        string? Count(TicketResult result) => counter.Count(result, ConfidenceHistogram.Format(result.Confidence));

        Assert.Null(Count(Ok("billing", 0.5)));
        // Written as 0.500: judged as written, so that the review file matches what the results file says.
        Assert.Null(Count(Ok("billing", 0.4996, "de")));
        Assert.Equal("below 0.5", Count(Ok("billing", 0.499)));
        Assert.Equal("other", Count(Ok("other", 0.7)));
        Assert.Equal("other, below 0.5", Count(Ok("other", 0.25)));
        Assert.Null(Count(TicketResult.Failed("boom")));
        Assert.Null(Count(Ok("", 0)));

        var quality = counter.Result();
        Assert.Equal((3L, 2L, 2L), (quality.Review, quality.BelowThreshold, quality.InOther));
        Assert.Equal(new Dictionary<string, long> { ["unknown"] = 6, ["de"] = 1 }, quality.Languages);
        Assert.Equal(["billing", "other"], quality.Confidences.Keys.Order());
        Assert.Equal(new Dictionary<int, long> { [500] = 2, [499] = 1 }, quality.Confidences["billing"]);
        Assert.Equal(new Dictionary<int, long> { [700] = 1, [250] = 1 }, quality.Confidences["other"]);
    }

    [Fact]
    public void A_threshold_that_binary_floating_point_cannot_hold_is_compared_exactly()
    {
        var counter = new ChunkQualityCounter(0.3, "other");

        Assert.Null(counter.Count(Ok("refund", 0.3), "0.300"));
        Assert.Equal("below 0.3", counter.Count(Ok("refund", 0.299), "0.299"));
        Assert.Null(new ChunkQualityCounter(0, "other").Count(Ok("refund", 0), "0.000"));
    }

    [Fact]
    public void The_section_adds_up_the_chunks_and_orders_categories_and_languages_by_rows()
    {
        var totals = new QualityTotals();
        totals.Add(new ChunkQuality(
            new Dictionary<string, IReadOnlyDictionary<int, long>>
            {
                ["billing"] = new Dictionary<int, long> { [800] = 2, [400] = 1 },
                ["other"] = new Dictionary<int, long> { [250] = 1 },
            },
            new Dictionary<string, long> { ["unknown"] = 3, ["en"] = 2 }, 2, 2, 1));
        totals.Add(new ChunkQuality(
            new Dictionary<string, IReadOnlyDictionary<int, long>> { ["other"] = new Dictionary<int, long> { [250] = 2, [600] = 1 } },
            new Dictionary<string, long> { ["en"] = 3 }, 3, 2, 3));

        var section = QualitySections.Build(totals, 0.5, "/data/out.csv.review.csv", [], null);

        Assert.Equal((0.5, "other", 7L), (section.ReviewBelow, section.FallbackCategory, section.Categorized));
        Assert.Equal(
        [
            new CategoryQuality("other", 4, 57.1, new ConfidenceQuartiles(0.25, 0.25, 0.25, 0.25, 0.6)),
            new CategoryQuality("billing", 3, 42.9, new ConfidenceQuartiles(0.4, 0.4, 0.8, 0.8, 0.8)),
        ], section.Categories);
        Assert.Equal(new ConfidenceQuartiles(0.25, 0.25, 0.4, 0.8, 0.8), section.Confidence);
        Assert.Equal(new ReviewCounts(5, 71.4, 4, 4, "/data/out.csv.review.csv"), section.Review);
        Assert.Equal([new LanguageShare("en", 5, 62.5), new LanguageShare("unknown", 3, 37.5)], section.Languages);
        Assert.Empty(section.Proposals);
        Assert.Null(section.Proposing);
    }
}
