namespace Scalability.Grains.Processing.Training.Linear;

/// <summary>
/// A score turned into a probability, p = 1 / (1 + exp(A·score + B)), fitted on examples the model did not learn
/// from (Platt 1999, with the target smoothing and the safeguarded Newton iteration of Lin, Lin and Weng 2007).
/// Here the score is the winning category's margin over the runner-up and the event is "the winner is right", so
/// the probability answers the question a reviewer asks: how often is a prediction this sure right?
/// </summary>
public sealed record PlattScaling(double A, double B)
{
    /// <summary>No calibration: every score maps to 0.5.</summary>
    public static readonly PlattScaling Uninformed = new(0, 0);

    public double Probability(double score)
    {
        var f = A * score + B;
        // Written both ways so that exp never overflows.
        return f >= 0 ? Math.Exp(-f) / (1 + Math.Exp(-f)) : 1 / (1 + Math.Exp(f));
    }

    /// <summary>Fits A and B to (score, right) pairs by maximum likelihood; with no example of either kind, the smoothed prior.</summary>
    public static PlattScaling Fit(IReadOnlyList<double> scores, IReadOnlyList<bool> right)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(right);
        if (scores.Count != right.Count)
        {
            throw new ArgumentException($"{scores.Count} scores but {right.Count} outcomes");
        }

        var n = scores.Count;
        var positives = right.Count(r => r);
        var negatives = n - positives;
        var high = (positives + 1.0) / (positives + 2.0);
        var low = 1.0 / (negatives + 2.0);
        var targets = right.Select(r => r ? high : low).ToArray();

        var a = 0.0;
        var b = Math.Log((negatives + 1.0) / (positives + 1.0));
        const double sigma = 1e-12;
        var objective = Objective(scores, targets, a, b);
        for (var iteration = 0; iteration < 100; iteration++)
        {
            // Gradient and Hessian of the cross-entropy, the Hessian nudged to stay positive definite.
            double h11 = sigma, h22 = sigma, h21 = 0, g1 = 0, g2 = 0;
            for (var i = 0; i < n; i++)
            {
                var f = scores[i] * a + b;
                double p, q;
                if (f >= 0)
                {
                    p = Math.Exp(-f) / (1 + Math.Exp(-f));
                    q = 1 / (1 + Math.Exp(-f));
                }
                else
                {
                    p = 1 / (1 + Math.Exp(f));
                    q = Math.Exp(f) / (1 + Math.Exp(f));
                }

                var d2 = p * q;
                h11 += scores[i] * scores[i] * d2;
                h22 += d2;
                h21 += scores[i] * d2;
                var d1 = targets[i] - p;
                g1 += scores[i] * d1;
                g2 += d1;
            }

            if (Math.Abs(g1) < 1e-5 && Math.Abs(g2) < 1e-5)
            {
                break;
            }

            var determinant = h11 * h22 - h21 * h21;
            var da = -(h22 * g1 - h21 * g2) / determinant;
            var db = -(-h21 * g1 + h11 * g2) / determinant;
            var descent = g1 * da + g2 * db;
            var step = 1.0;
            while (step >= 1e-10)
            {
                var candidate = Objective(scores, targets, a + step * da, b + step * db);
                if (candidate < objective + 1e-4 * step * descent)
                {
                    a += step * da;
                    b += step * db;
                    objective = candidate;
                    break;
                }

                step /= 2;
            }

            if (step < 1e-10)
            {
                break;
            }
        }

        return new PlattScaling(a, b);
    }

    private static double Objective(IReadOnlyList<double> scores, double[] targets, double a, double b)
    {
        var sum = 0.0;
        for (var i = 0; i < targets.Length; i++)
        {
            var f = scores[i] * a + b;
            sum += f >= 0 ? targets[i] * f + Math.Log(1 + Math.Exp(-f)) : (targets[i] - 1) * f + Math.Log(1 + Math.Exp(f));
        }

        return sum;
    }
}
