using System.Globalization;
using Scalability.GrainInterfaces.Quality;
using Scalability.Tests.Support;

namespace Scalability.Tests.Quality;

/// <summary>
/// What a job's quality section and review file must hold, worked out here from its results file alone: the rows per
/// category, their confidences' nearest-rank quartiles, the rows to review and the languages.
/// </summary>
internal static class QualityExpectations
{
    /// <summary>The rows of the results that are to be reviewed, in order.</summary>
    public static List<string[]> ReviewRows(CsvFiles.Table results, double reviewBelow) => results.Rows
        .Where(r => Categorized(results, r) && (r[results.Column("category")] == "other" || Confidence(results, r) < reviewBelow))
        .ToList();

    /// <summary>Checks every figure of the section but the proposals against the results.</summary>
    public static void AssertFigures(QualitySection quality, CsvFiles.Table results, double reviewBelow, string? reviewPath)
    {
        var categorized = results.Rows.Where(r => Categorized(results, r)).ToList();
        var expectedCategories = categorized
            .GroupBy(r => r[results.Column("category")])
            .Select(g => new CategoryQuality(g.Key, g.Count(), Percent(g.Count(), categorized.Count), Quartiles(g.Select(r => Confidence(results, r)))))
            .OrderByDescending(c => c.Tickets).ThenBy(c => c.Category, StringComparer.Ordinal)
            .ToList();
        var review = ReviewRows(results, reviewBelow);
        var other = review.Count(r => r[results.Column("category")] == "other");
        var below = review.Count(r => Confidence(results, r) < reviewBelow);
        var languages = results.Rows
            .GroupBy(r => r[results.Column("language")] is { Length: > 0 } code ? code : "unknown")
            .Select(g => new LanguageShare(g.Key, g.Count(), Percent(g.Count(), results.Rows.Count)))
            .OrderByDescending(l => l.Tickets).ThenBy(l => l.Language, StringComparer.Ordinal)
            .ToList();

        Assert.Equal((reviewBelow, "other", (long)categorized.Count), (quality.ReviewBelow, quality.FallbackCategory, quality.Categorized));
        Assert.Equal(expectedCategories, quality.Categories);
        Assert.Equal(Quartiles(categorized.Select(r => Confidence(results, r))), quality.Confidence);
        Assert.Equal(new ReviewCounts(review.Count, Percent(review.Count, categorized.Count), below, other, reviewPath), quality.Review);
        Assert.Equal(languages, quality.Languages);
    }

    /// <summary>
    /// Checks that the review file holds exactly the results' rows to review, in order, each with its id, category,
    /// confidence, language, reason, summary and text.
    /// </summary>
    /// <param name="text">The text the job read of a results row.</param>
    public static void AssertReviewFile(string reviewPath, CsvFiles.Table results, double reviewBelow, string idColumn, Func<string[], string> text)
    {
        var file = CsvFiles.Read(reviewPath);
        var threshold = reviewBelow.ToString("0.###", CultureInfo.InvariantCulture);
        var expected = ReviewRows(results, reviewBelow).Select(r =>
        {
            var category = r[results.Column("category")];
            var below = Confidence(results, r) < reviewBelow;
            var reason = category == "other" ? below ? $"other, below {threshold}" : "other" : $"below {threshold}";
            return new[]
            {
                r[results.Column(idColumn)], category, r[results.Column("confidence")], r[results.Column("language")], reason,
                r[results.Column("summary")], text(r),
            };
        }).ToList();

        Assert.Equal([idColumn, "category", "confidence", "language", "reason", "summary", "text"], file.Header);
        Assert.Equal(expected.Count, file.Rows.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i], file.Rows[i]);
        }
    }

    /// <summary>The nearest-rank quartiles: the value at rank ⌈p·n⌉ of the values sorted.</summary>
    public static ConfidenceQuartiles Quartiles(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        double At(double p) => sorted[Math.Max(1, (int)Math.Ceiling(p * sorted.Length)) - 1];
        return new ConfidenceQuartiles(sorted[0], At(0.25), At(0.5), At(0.75), sorted[^1]);
    }

    public static double Percent(long part, long whole) => Math.Round(100.0 * part / whole, 1, MidpointRounding.AwayFromZero);

    private static bool Categorized(CsvFiles.Table results, string[] row) =>
        row[results.Column("status")] == "ok" && row[results.Column("category")].Length > 0;

    private static double Confidence(CsvFiles.Table results, string[] row) =>
        double.Parse(row[results.Column("confidence")], CultureInfo.InvariantCulture);
}
