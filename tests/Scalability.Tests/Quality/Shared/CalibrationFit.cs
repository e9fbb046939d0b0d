using Scalability.Grains.Processing;

namespace Scalability.Tests.Quality;

/// <summary>
/// The fit of the keyword categorizer's confidence calibration (<c>Processing/keyword-calibration.json</c>) and the
/// predictions it is measured on. The fit runs on the fit parts of the shared data (Bitext's even records, BANKING77's
/// train split), each data set weighted to the same total so that neither's share of the rows decides the map; the
/// held-back parts (Bitext's odd records, BANKING77's test split) and the dev fixtures measure it.
/// </summary>
public static class CalibrationFit
{
    public const string Source =
        "isotonic regression of rightness on the raw keyword confidence, over the even records of Bitext and the " +
        "train split of BANKING77 mapped onto the taxonomy, each data set weighted to the same total";

    /// <summary>The calibration fitted on these tickets with their categorizer's raw confidences.</summary>
    public static ConfidenceCalibration Fit(MultilingualKeywordCategorizer categorizer, IReadOnlyList<LabelledTicket> tickets)
    {
        var perDataSet = tickets.GroupBy(t => t.DataSet).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var matched = new List<(double Raw, bool Correct, double Weight)>();
        var noMatch = new List<(bool Correct, double Weight)>();
        foreach (var ticket in tickets)
        {
            var weight = (double)tickets.Count / (perDataSet.Count * perDataSet[ticket.DataSet]);
            var (scored, scores) = categorizer.Score(ticket.Text, categorizer.Detector.Detect(ticket.Text));
            if (scored is null)
            {
                continue; // an unsupported language: its confidence is fixed, not fitted
            }

            var correct = scored.Predict(scores).Category == ticket.Category;
            if (scores.Matched)
            {
                matched.Add((scores.RawConfidence(), correct, weight));
            }
            else
            {
                noMatch.Add((correct, weight));
            }
        }

        return ConfidenceCalibration.Fit(matched, noMatch, Source);
    }

    /// <summary>What the categorizer predicts for each ticket, with its confidence, against the ticket's label.</summary>
    public static IReadOnlyList<ScoredPrediction> Predict(ITicketCategorizer categorizer, IEnumerable<LabelledTicket> tickets) =>
        tickets.Select(t =>
        {
            var prediction = categorizer.Categorize(t.Text);
            return new ScoredPrediction(t.Category, prediction.Category, prediction.Confidence);
        }).ToArray();
}
