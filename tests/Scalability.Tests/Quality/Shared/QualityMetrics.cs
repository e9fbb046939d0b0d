using System.Globalization;
using System.Text;

namespace Scalability.Tests.Quality;

/// <summary>One prediction measured against its label.</summary>
public readonly record struct ScoredPrediction(string Expected, string Predicted, double Confidence)
{
    public bool Correct => Expected == Predicted;
}

/// <summary>One of the equal-width confidence bins of a reliability table.</summary>
public sealed record ReliabilityBin(double From, double To, int Count, double MeanConfidence, double Accuracy);

/// <summary>Accuracy, macro-F1 and calibration of a set of predictions.</summary>
public sealed record QualityFigures(int Count, double Accuracy, double MacroF1, double ExpectedCalibrationError, IReadOnlyList<ReliabilityBin> Reliability)
{
    public const int Bins = 10;

    public static QualityFigures Of(IReadOnlyList<ScoredPrediction> predictions)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        if (predictions.Count == 0)
        {
            return new QualityFigures(0, 0, 0, 0, []);
        }

        var accuracy = (double)predictions.Count(p => p.Correct) / predictions.Count;
        var bins = ReliabilityOf(predictions);
        return new QualityFigures(predictions.Count, accuracy, MacroF1Of(predictions), EceOf(bins, predictions.Count), bins);
    }

    /// <summary>
    /// The mean F1 over the categories that occur as a label (a category only ever predicted counts in the other
    /// categories' precision, not as a class of its own).
    /// </summary>
    public static double MacroF1Of(IReadOnlyList<ScoredPrediction> predictions)
    {
        var labels = predictions.Select(p => p.Expected).Distinct(StringComparer.Ordinal).ToArray();
        if (labels.Length == 0)
        {
            return 0;
        }

        var sum = 0.0;
        foreach (var label in labels)
        {
            var truePositives = predictions.Count(p => p.Expected == label && p.Predicted == label);
            var predicted = predictions.Count(p => p.Predicted == label);
            var actual = predictions.Count(p => p.Expected == label);
            var precision = predicted == 0 ? 0 : (double)truePositives / predicted;
            var recall = (double)truePositives / actual;
            sum += precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        }

        return sum / labels.Length;
    }

    /// <summary>Ten equal-width bins of confidence ([0, 0.1), …, [0.9, 1]) with the predictions' mean confidence and accuracy in each.</summary>
    public static IReadOnlyList<ReliabilityBin> ReliabilityOf(IReadOnlyList<ScoredPrediction> predictions)
    {
        var bins = new List<ReliabilityBin>(Bins);
        for (var b = 0; b < Bins; b++)
        {
            var inBin = predictions.Where(p => BinOf(p.Confidence) == b).ToArray();
            bins.Add(new ReliabilityBin(
                (double)b / Bins,
                (double)(b + 1) / Bins,
                inBin.Length,
                inBin.Length == 0 ? 0 : inBin.Average(p => p.Confidence),
                inBin.Length == 0 ? 0 : (double)inBin.Count(p => p.Correct) / inBin.Length));
        }

        return bins;
    }

    /// <summary>The expected calibration error: the count-weighted mean gap between confidence and accuracy over the bins.</summary>
    public static double EceOf(IReadOnlyList<ScoredPrediction> predictions) => EceOf(ReliabilityOf(predictions), predictions.Count);

    private static double EceOf(IReadOnlyList<ReliabilityBin> bins, int count) =>
        count == 0 ? 0 : bins.Sum(b => b.Count * Math.Abs(b.MeanConfidence - b.Accuracy)) / count;

    private static int BinOf(double confidence) => Math.Clamp((int)Math.Floor(confidence * Bins), 0, Bins - 1);

    /// <summary>The reliability table as text: one line per non-empty bin.</summary>
    public string ReliabilityTable()
    {
        var text = new StringBuilder("  confidence   tickets  mean conf.  accuracy\n");
        foreach (var bin in Reliability.Where(b => b.Count > 0))
        {
            text.Append(CultureInfo.InvariantCulture, $"  {bin.From:0.0}-{bin.To:0.0}   {bin.Count,8}  {bin.MeanConfidence,10:0.000}  {bin.Accuracy,8:0.000}\n");
        }

        return text.ToString();
    }
}
