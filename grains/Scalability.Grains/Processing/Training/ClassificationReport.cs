namespace Scalability.Grains.Processing.Training;

/// <summary>How well one category was predicted on the held-out examples.</summary>
/// <param name="Support">Held-out examples whose true category this is.</param>
/// <param name="Predicted">Held-out examples predicted as this category.</param>
/// <param name="Correct">Examples of this category predicted as it (true positives).</param>
public sealed record ClassMetrics(string Category, double Precision, double Recall, double F1, int Support, int Predicted, int Correct);

/// <summary>
/// Accuracy, per-category precision, recall and F1, and their unweighted mean (macro-F1), computed from the
/// confusion counts of (true, predicted) pairs. Macro-F1 weighs a small category as much as a large one, which is
/// what a support team that cares about its rare categories wants to see; accuracy alone hides a category the
/// model never gets right.
/// </summary>
/// <param name="Classes">Every category that is a true or a predicted one, largest support first.</param>
public sealed record ClassificationReport(int Rows, int Correct, double Accuracy, double MacroF1, IReadOnlyList<ClassMetrics> Classes)
{
    /// <summary>
    /// The report of a set of predictions. A precision or recall with nothing to divide by (a category never
    /// predicted, or never true) counts as 0, and so does its F1: the convention of scikit-learn's
    /// <c>classification_report</c>, over the same categories (the union of true and predicted ones).
    /// </summary>
    public static ClassificationReport From(IEnumerable<(string Actual, string Predicted)> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var support = new Dictionary<string, int>(StringComparer.Ordinal);
        var predicted = new Dictionary<string, int>(StringComparer.Ordinal);
        var correct = new Dictionary<string, int>(StringComparer.Ordinal);
        var rows = 0;
        var right = 0;
        foreach (var (actual, guess) in pairs)
        {
            rows++;
            Increment(support, actual);
            Increment(predicted, guess);
            if (string.Equals(actual, guess, StringComparison.Ordinal))
            {
                right++;
                Increment(correct, actual);
            }
        }

        var classes = support.Keys.Union(predicted.Keys, StringComparer.Ordinal)
            .Select(category =>
            {
                var truePositives = correct.GetValueOrDefault(category);
                var actualCount = support.GetValueOrDefault(category);
                var predictedCount = predicted.GetValueOrDefault(category);
                var precision = Ratio(truePositives, predictedCount);
                var recall = Ratio(truePositives, actualCount);
                var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
                return new ClassMetrics(category, precision, recall, f1, actualCount, predictedCount, truePositives);
            })
            .OrderByDescending(c => c.Support)
            .ThenBy(c => c.Category, StringComparer.Ordinal)
            .ToArray();
        var macroF1 = classes.Length == 0 ? 0 : classes.Average(c => c.F1);
        return new ClassificationReport(rows, right, Ratio(right, rows), macroF1, classes);
    }

    private static void Increment(Dictionary<string, int> counts, string key) =>
        counts[key] = counts.GetValueOrDefault(key) + 1;

    private static double Ratio(int numerator, int denominator) => denominator == 0 ? 0 : (double)numerator / denominator;
}
