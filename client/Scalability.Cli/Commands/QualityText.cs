using System.Globalization;
using Scalability.GrainInterfaces.Quality;

namespace Scalability.Cli.Commands;

/// <summary>The short quality block <c>scale run</c> prints after its summary.</summary>
internal static class QualityText
{
    /// <summary>Categories shown in the block; the summary file has them all.</summary>
    public const int TopCategories = 3;

    public static IEnumerable<string> Lines(QualitySection quality)
    {
        yield return "quality";
        if (quality.Categorized > 0)
        {
            yield return "  top        " + string.Join(" · ", quality.Categories.Take(TopCategories).Select(c => Invariant(
                $"{c.Category} {c.Tickets:N0} ({c.SharePercent:0.#}%, median confidence {c.Confidence.Median:0.00})")));
            var review = quality.Review;
            yield return Invariant(
                $"  review     {review.Tickets:N0} of {quality.Categorized:N0} tickets ({review.SharePercent:0.#}%): {review.InOther:N0} in {quality.FallbackCategory}, {review.BelowThreshold:N0} below {quality.ReviewBelow:0.###}");
            if (review.Path is { } path)
            {
                yield return $"             {path}";
            }
        }
        else
        {
            yield return "  top        no categories (the categorizer was off)";
        }

        yield return "  languages  " + string.Join(" · ", quality.Languages.Select(l => Invariant($"{l.Language} {l.Tickets:N0} ({l.SharePercent:0.#}%)")));
        if (quality.Proposals.Count > 0)
        {
            for (var i = 0; i < quality.Proposals.Count; i++)
            {
                var p = quality.Proposals[i];
                yield return Invariant(
                    $"{(i == 0 ? "  proposals" : "           ")}  {i + 1,2}. {string.Join(", ", p.Terms)} ({p.Tickets:N0} tickets, {p.SharePercent:0.#}% of review)");
            }

            if (quality.Proposing is { } run && run.Sampled < run.ReviewTickets)
            {
                yield return Invariant($"             sizes estimated from an even sample of {run.Sampled:N0} of the {run.ReviewTickets:N0} review tickets");
            }
        }
        else if (quality.Proposing?.Note is { } note)
        {
            yield return $"  proposals  none: {note}";
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
