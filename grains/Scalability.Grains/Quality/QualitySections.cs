using Scalability.GrainInterfaces.Quality;
using Scalability.Grains.Processing;

namespace Scalability.Grains.Quality;

/// <summary>Builds a job's <see cref="QualitySection"/> from its totals and its proposals. Pure.</summary>
public static class QualitySections
{
    public static QualitySection Build(
        QualityTotals totals, double reviewBelow, string? reviewPath, IReadOnlyList<ProposedCategory> proposals, ProposalRun? proposing)
    {
        var categorized = totals.Confidences.Values.Sum(c => c.Values.Sum());
        var categories = totals.Confidences
            .Select(c => (Category: c.Key, Tickets: c.Value.Values.Sum(), Counts: c.Value))
            .Where(c => c.Tickets > 0)
            .OrderByDescending(c => c.Tickets)
            .ThenBy(c => c.Category, StringComparer.Ordinal)
            .Select(c => new CategoryQuality(c.Category, c.Tickets, Percent(c.Tickets, categorized), ConfidenceHistogram.Quartiles(c.Counts)!))
            .ToArray();
        var all = new Dictionary<int, long>();
        foreach (var counts in totals.Confidences.Values)
        {
            ConfidenceHistogram.Add(all, counts);
        }

        var rows = totals.Languages.Values.Sum();
        var languages = totals.Languages
            .OrderByDescending(l => l.Value)
            .ThenBy(l => l.Key, StringComparer.Ordinal)
            .Select(l => new LanguageShare(l.Key, l.Value, Percent(l.Value, rows)))
            .ToArray();
        return new QualitySection(
            reviewBelow,
            SupportTaxonomy.OtherCategory,
            categorized,
            categories,
            ConfidenceHistogram.Quartiles(all),
            new ReviewCounts(totals.Review, Percent(totals.Review, categorized), totals.BelowThreshold, totals.InOther, reviewPath),
            languages,
            proposals,
            proposing);
    }

    /// <summary>A share in percent to one decimal; 0 of nothing.</summary>
    public static double Percent(long part, long whole) =>
        whole > 0 ? Math.Round(100.0 * part / whole, 1, MidpointRounding.AwayFromZero) : 0;
}
