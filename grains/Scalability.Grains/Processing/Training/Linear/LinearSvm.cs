namespace Scalability.Grains.Processing.Training.Linear;

/// <summary>How a linear SVM is fitted; the defaults are those of scikit-learn's <c>LinearSVC</c>.</summary>
/// <param name="C">The penalty of a margin violation against the weights' size.</param>
/// <param name="Tolerance">Stop when the projected gradients of a pass over the examples span less than this.</param>
/// <param name="MaxPasses">Stop after this many passes even if not converged.</param>
public sealed record LinearSvmOptions(double C = 1.0, double Tolerance = 1e-4, int MaxPasses = 1000, int Seed = 1);

/// <summary>One category's separating hyperplane: a weight per feature and a bias.</summary>
public sealed record BinaryHyperplane(double[] Weights, double Bias, int Passes, bool Converged);

/// <summary>
/// An L2-regularized linear SVM with the squared hinge loss, fitted by dual coordinate descent (Hsieh, Chang, Lin,
/// Keerthi and Sundararajan, ICML 2008: the method of LIBLINEAR and so of scikit-learn's <c>LinearSVC</c>), with the
/// bias learned as the weight of a constant feature 1 and shrinking of examples that stay at the bound. Each pass
/// visits the examples in an order drawn from a fixed generator, so that a fit is the same on every run.
/// </summary>
public static class LinearSvm
{
    /// <summary>Fits category <paramref name="positive"/> against all others (one-versus-rest).</summary>
    /// <param name="rows">The examples' feature vectors.</param>
    /// <param name="labels">Each example's category index.</param>
    public static BinaryHyperplane FitOneVersusRest(SparseRows rows, int[] labels, int positive, LinearSvmOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(options);
        if (labels.Length != rows.Count)
        {
            throw new ArgumentException($"{rows.Count} examples but {labels.Length} labels");
        }

        var n = rows.Count;
        var w = new double[rows.Features];
        var bias = 0.0;
        var alpha = new double[n];
        var y = new sbyte[n];
        var diagonal = 0.5 / options.C;
        var qd = new double[n];
        for (var i = 0; i < n; i++)
        {
            y[i] = labels[i] == positive ? (sbyte)1 : (sbyte)-1;
            var squares = 1.0;
            foreach (var v in rows.RowValues(i))
            {
                squares += (double)v * v;
            }

            qd[i] = squares + diagonal;
        }

        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
        }

        var random = new SplitMix(((ulong)(uint)options.Seed << 32) ^ (uint)positive);
        var active = n;
        var gradientMaxOld = double.PositiveInfinity;
        var passes = 0;
        var converged = false;
        while (passes < options.MaxPasses)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var gradientMax = double.NegativeInfinity;
            var gradientMin = double.PositiveInfinity;
            for (var i = 0; i < active; i++)
            {
                var j = i + (int)random.Below((ulong)(active - i));
                (order[i], order[j]) = (order[j], order[i]);
            }

            for (var s = 0; s < active; s++)
            {
                var i = order[s];
                var indices = rows.RowIndices(i);
                var values = rows.RowValues(i);
                var margin = bias;
                for (var k = 0; k < indices.Length; k++)
                {
                    margin += w[indices[k]] * values[k];
                }

                var gradient = y[i] * margin - 1 + diagonal * alpha[i];
                double projected;
                if (alpha[i] == 0)
                {
                    if (gradient > gradientMaxOld)
                    {
                        // At the bound and pushed against it last pass too: leave it out until the end.
                        active--;
                        (order[s], order[active]) = (order[active], order[s]);
                        s--;
                        continue;
                    }

                    projected = Math.Min(gradient, 0);
                }
                else
                {
                    projected = gradient;
                }

                gradientMax = Math.Max(gradientMax, projected);
                gradientMin = Math.Min(gradientMin, projected);
                if (Math.Abs(projected) <= 1e-12)
                {
                    continue;
                }

                var old = alpha[i];
                alpha[i] = Math.Max(old - gradient / qd[i], 0);
                var step = (alpha[i] - old) * y[i];
                for (var k = 0; k < indices.Length; k++)
                {
                    w[indices[k]] += step * values[k];
                }

                bias += step;
            }

            passes++;
            if (gradientMax - gradientMin <= options.Tolerance)
            {
                if (active == n)
                {
                    converged = true;
                    break;
                }

                // Converged on the active examples: check the shrunk ones with a full pass.
                active = n;
                gradientMaxOld = double.PositiveInfinity;
                continue;
            }

            // With no upper bound on alpha (squared hinge) only the lower bound shrinks examples.
            gradientMaxOld = gradientMax <= 0 ? double.PositiveInfinity : gradientMax;
        }

        return new BinaryHyperplane(w, bias, passes, converged);
    }

    /// <summary>SplitMix64: a small generator whose sequence is ours to keep (unlike <see cref="Random"/>'s across .NET versions).</summary>
    private struct SplitMix(ulong seed)
    {
        private ulong _state = seed;

        public ulong Next()
        {
            var z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }

        /// <summary>Uniform in [0, bound); the tiny modulo bias is of no account for a visiting order.</summary>
        public ulong Below(ulong bound) => Next() % bound;
    }
}
