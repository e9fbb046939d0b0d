namespace Scalability.Grains.Processing.Training.Linear;

/// <summary>
/// Fits a <see cref="LinearTextModel"/>: the vocabulary of the training texts, their TF-IDF vectors, and one
/// <see cref="LinearSvm"/> per category against the rest, the categories fitted in parallel (each fit is independent
/// and deterministic, so the model does not depend on the number of threads). Uncalibrated: the caller fits the
/// calibration on examples the model did not learn from.
/// </summary>
public static class LinearTextTrainer
{
    /// <param name="categories">Every category, in the order the model will number them.</param>
    public static LinearTextModel Fit(
        IReadOnlyList<string> texts, IReadOnlyList<int> labels, IReadOnlyList<string> categories, LinearSvmOptions? options = null,
        int minDocumentFrequency = TfidfVocabulary.DefaultMinDocumentFrequency, int? threads = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(categories);
        if (texts.Count != labels.Count)
        {
            throw new ArgumentException($"{texts.Count} texts but {labels.Count} labels");
        }

        options ??= new LinearSvmOptions();
        var vocabulary = TfidfVocabulary.Fit(texts, minDocumentFrequency, cancellationToken);
        var rows = SparseRows.Featurize(vocabulary, texts, cancellationToken);
        var labelArray = labels.ToArray();
        var count = categories.Count;
        var planes = new BinaryHyperplane[count];
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = threads ?? Environment.ProcessorCount,
            CancellationToken = cancellationToken,
        };
        // Two categories need one plane: the other's is its mirror image (the dual problems are the same with y negated).
        var fitted = count == 2 ? 1 : count;
        Parallel.For(0, fitted, parallel, c => planes[c] = LinearSvm.FitOneVersusRest(rows, labelArray, c, options, cancellationToken));
        if (count == 2)
        {
            planes[1] = new BinaryHyperplane(planes[0].Weights.Select(w => -w).ToArray(), -planes[0].Bias, planes[0].Passes, planes[0].Converged);
        }

        var weights = new float[(long)vocabulary.Count * count];
        var biases = new float[count];
        for (var c = 0; c < count; c++)
        {
            var plane = planes[c].Weights;
            for (var f = 0; f < plane.Length; f++)
            {
                weights[(long)f * count + c] = (float)plane[f];
            }

            biases[c] = (float)planes[c].Bias;
        }

        return new LinearTextModel(vocabulary, categories, weights, biases, PlattScaling.Uninformed);
    }
}
