namespace Scalability.Grains.Processing.Training;

/// <summary>
/// The expected calibration error of a set of confidences: over ten equal-width bins of confidence ([0, 0.1), …,
/// [0.9, 1]), the mean gap between the bin's mean confidence and its share right, weighted by the bin's size. 0 means
/// that of the predictions given confidence p, a share p was right.
/// </summary>
public static class CalibrationError
{
    public const int Bins = 10;

    public static double Expected(IReadOnlyList<(double Confidence, bool Right)> predictions)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        if (predictions.Count == 0)
        {
            return 0;
        }

        var count = new int[Bins];
        var confidence = new double[Bins];
        var right = new int[Bins];
        foreach (var (p, correct) in predictions)
        {
            var bin = Math.Clamp((int)Math.Floor(p * Bins), 0, Bins - 1);
            count[bin]++;
            confidence[bin] += p;
            right[bin] += correct ? 1 : 0;
        }

        var gap = 0.0;
        for (var b = 0; b < Bins; b++)
        {
            if (count[b] > 0)
            {
                gap += Math.Abs(confidence[b] - right[b]);
            }
        }

        // Σ n_b · |mean conf_b − acc_b| / N, with n_b · mean conf_b and n_b · acc_b summed directly.
        return gap / predictions.Count;
    }
}
