using System.Collections.Concurrent;
using System.Numerics;

namespace Scalability.Grains.Processing.Training.Linear;

/// <summary>
/// A linear text model: TF-IDF features (<see cref="TfidfVocabulary"/>), one weight per feature and category and a
/// bias per category; a text gets the category with the highest score, and a confidence from the winner's margin over
/// the runner-up through <see cref="PlattScaling"/>. The weights are stored feature by feature (the weights of one
/// feature for every category side by side), so that scoring a text reads one short run of memory per term it has.
/// Immutable and thread-safe; scratch space is pooled, and a batch shares one.
/// </summary>
public sealed class LinearTextModel
{
    private readonly ConcurrentBag<Scorer> _idle = [];

    /// <param name="weights">Feature-major: the weight of feature f for category c at <c>f × categories + c</c>.</param>
    public LinearTextModel(TfidfVocabulary vocabulary, IReadOnlyList<string> categories, float[] weights, float[] biases, PlattScaling calibration)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(biases);
        ArgumentNullException.ThrowIfNull(calibration);
        if (categories.Count < 2 || biases.Length != categories.Count || weights.Length != (long)vocabulary.Count * categories.Count)
        {
            throw new ArgumentException(
                $"a model of {categories.Count} categories over {vocabulary.Count} features needs {(long)vocabulary.Count * categories.Count} weights and " +
                $"{categories.Count} biases (got {weights.Length} and {biases.Length}), and at least 2 categories");
        }

        Vocabulary = vocabulary;
        Categories = categories;
        Weights = weights;
        Biases = biases;
        Calibration = calibration;
    }

    public TfidfVocabulary Vocabulary { get; }

    public IReadOnlyList<string> Categories { get; }

    public float[] Weights { get; }

    public float[] Biases { get; }

    public PlattScaling Calibration { get; }

    /// <summary>The same model with another calibration.</summary>
    public LinearTextModel WithCalibration(PlattScaling calibration) => new(Vocabulary, Categories, Weights, Biases, calibration);

    /// <summary>The winning category's index and its margin over the runner-up (0 for a text with no known term).</summary>
    public (int Category, double Margin) Score(string text)
    {
        var scorer = Rent();
        try
        {
            return scorer.Score(text);
        }
        finally
        {
            _idle.Add(scorer);
        }
    }

    /// <summary>Scores many texts with one scratch space: the batch path of a chunk.</summary>
    public void Score(IReadOnlyList<string> texts, Span<(int Category, double Margin)> results)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (results.Length < texts.Count)
        {
            throw new ArgumentException($"room for {results.Length} results, {texts.Count} texts");
        }

        var scorer = Rent();
        try
        {
            for (var i = 0; i < texts.Count; i++)
            {
                results[i] = scorer.Score(texts[i]);
            }
        }
        finally
        {
            _idle.Add(scorer);
        }
    }

    private Scorer Rent() => _idle.TryTake(out var scorer) ? scorer : new Scorer(this);

    /// <summary>One thread's scratch: the feature buffers and the per-category sums.</summary>
    private sealed class Scorer(LinearTextModel model)
    {
        private readonly FeatureScratch _features = model.Vocabulary.CreateScratch();
        private readonly float[] _sums = new float[model.Categories.Count];

        public (int Category, double Margin) Score(string text)
        {
            var categories = _sums.Length;
            model.Biases.CopyTo(_sums, 0);
            model.Vocabulary.Featurize(text, _features);
            var weights = model.Weights;
            var sums = _sums.AsSpan();
            var width = Vector<float>.Count;
            for (var i = 0; i < _features.Length; i++)
            {
                var value = _features.Values[i];
                var row = weights.AsSpan(_features.Indices[i] * categories, categories);
                var c = 0;
                if (Vector.IsHardwareAccelerated)
                {
                    var scale = new Vector<float>(value);
                    for (; c <= categories - width; c += width)
                    {
                        (new Vector<float>(sums[c..]) + scale * new Vector<float>(row[c..])).CopyTo(sums[c..]);
                    }
                }

                for (; c < categories; c++)
                {
                    sums[c] += value * row[c];
                }
            }

            // Ties go to the first category in ordinal order, as the weights were fitted.
            var best = 0;
            var second = -1;
            for (var c = 1; c < categories; c++)
            {
                if (_sums[c] > _sums[best])
                {
                    second = best;
                    best = c;
                }
                else if (second < 0 || _sums[c] > _sums[second])
                {
                    second = c;
                }
            }

            return (best, _features.Length == 0 ? 0 : _sums[best] - _sums[second]);
        }
    }
}
