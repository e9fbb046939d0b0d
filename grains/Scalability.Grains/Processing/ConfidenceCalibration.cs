using System.Runtime.CompilerServices;
using System.Globalization;
using System.Text.Json;
using Scalability.Grains.Processing.Languages;

namespace Scalability.Grains.Processing;

/// <summary>
/// Turns the keyword categorizer's raw confidence (<see cref="KeywordScores.RawConfidence"/>) into a probability of
/// being right: a non-decreasing, piecewise-linear map fitted by isotonic regression on labelled tickets, so that of the
/// tickets given confidence p, about p are right. A text with no term gets <see cref="NoMatch"/>, the share of such
/// texts whose fallback category was right. The fitted map is data (<c>Processing/keyword-calibration.json</c>),
/// written by the calibration fit of the test suite; immutable and thread-safe.
/// </summary>
public sealed class ConfidenceCalibration
{
    /// <summary>The fewest tickets a point of the map rests on: fewer would make the map follow noise.</summary>
    public const int MinimumPointSize = 30;

    private readonly double[] _raw;
    private readonly double[] _confidence;

    private ConfidenceCalibration(double[] raw, double[] confidence, double noMatch, string source)
    {
        _raw = raw;
        _confidence = confidence;
        NoMatch = noMatch;
        Source = source;
    }

    /// <summary>No calibration: the raw confidence as it is, and <see cref="KeywordCategorizer.NoMatchConfidence"/>.</summary>
    public static ConfidenceCalibration Uncalibrated { get; } = new([], [], KeywordCategorizer.NoMatchConfidence, "uncalibrated");

    /// <summary>The calibration fitted for the built-in taxonomies, embedded in this assembly.</summary>
    public static ConfidenceCalibration Default { get; } = ReadEmbedded();

    /// <summary>The confidence of a text in which no term of the taxonomy occurs.</summary>
    public double NoMatch { get; }

    /// <summary>What the map was fitted on, in words.</summary>
    public string Source { get; }

    /// <summary>The map's points: raw confidences, ascending, and the probability at each.</summary>
    public IReadOnlyList<(double Raw, double Confidence)> Points => _raw.Zip(_confidence).ToArray();

    /// <summary>The probability for a raw confidence: interpolated between the map's points, flat beyond its ends.</summary>
    public double Apply(double raw)
    {
        if (_raw.Length == 0)
        {
            return raw;
        }

        if (raw <= _raw[0])
        {
            return _confidence[0];
        }

        if (raw >= _raw[^1])
        {
            return _confidence[^1];
        }

        var upper = Array.BinarySearch(_raw, raw);
        if (upper >= 0)
        {
            return _confidence[upper];
        }

        upper = ~upper;
        var lower = upper - 1;
        var t = (raw - _raw[lower]) / (_raw[upper] - _raw[lower]);
        return Math.Round(_confidence[lower] + t * (_confidence[upper] - _confidence[lower]), 3);
    }

    /// <summary>
    /// Fits the map by isotonic regression (pool adjacent violators) of rightness on the raw confidence, with blocks
    /// of at least <see cref="MinimumPointSize"/> tickets; each block becomes a point at its mean raw confidence and its
    /// share right. The no-match confidence is the share right among the tickets without a match. A ticket's weight
    /// says how much it counts (to give data sets of different sizes the same say); the minimum block size counts
    /// tickets.
    /// </summary>
    /// <exception cref="ArgumentException">Fewer than <see cref="MinimumPointSize"/> matched tickets, none without a
    /// match, or a weight that is not positive.</exception>
    public static ConfidenceCalibration Fit(
        IEnumerable<(double Raw, bool Correct, double Weight)> matched,
        IEnumerable<(bool Correct, double Weight)> noMatch,
        string source)
    {
        var sorted = matched.OrderBy(m => m.Raw).ToArray();
        var unmatched = noMatch.ToArray();
        if (sorted.Length < MinimumPointSize || unmatched.Length == 0)
        {
            throw new ArgumentException(
                $"a calibration needs at least {MinimumPointSize} matched tickets and one without a match; got {sorted.Length} and {unmatched.Length}");
        }

        if (sorted.Any(m => !(m.Weight > 0) || !double.IsFinite(m.Weight)) || unmatched.Any(m => !(m.Weight > 0) || !double.IsFinite(m.Weight)))
        {
            throw new ArgumentException("every ticket's weight must be positive and finite");
        }

        // Blocks of equal raw confidence first, then pooled while a block is smaller than the minimum or is not below
        // the block after it.
        var blocks = new List<Block>();
        foreach (var group in sorted.GroupBy(m => m.Raw))
        {
            blocks.Add(new Block(
                group.Sum(m => m.Raw * m.Weight), group.Where(m => m.Correct).Sum(m => m.Weight), group.Sum(m => m.Weight), group.Count()));
            while (blocks.Count > 1 && (blocks[^2].Count < MinimumPointSize || blocks[^2].Rate >= blocks[^1].Rate))
            {
                MergeLast(blocks);
            }
        }

        while (blocks.Count > 1 && blocks[^1].Count < MinimumPointSize)
        {
            MergeLast(blocks);
        }

        var raw = blocks.Select(b => Math.Round(b.RawSum / b.Weight, 4)).ToArray();
        var confidence = blocks.Select(b => Math.Round(Math.Clamp(b.Rate, 0.01, KeywordCategorizer.MaximumConfidence), 3)).ToArray();
        var noMatchRate = unmatched.Where(m => m.Correct).Sum(m => m.Weight) / unmatched.Sum(m => m.Weight);
        return new ConfidenceCalibration(raw, confidence, Math.Round(Math.Clamp(noMatchRate, 0.01, KeywordCategorizer.MaximumConfidence), 3), source);
    }

    private static void MergeLast(List<Block> blocks)
    {
        var last = blocks[^1];
        blocks.RemoveAt(blocks.Count - 1);
        blocks[^1] = blocks[^1].Merge(last);
    }

    /// <summary>The map as the JSON of <c>keyword-calibration.json</c>.</summary>
    public string ToJson() => JsonSerializer.Serialize(
        new CalibrationFile(Source, NoMatch, _raw.Zip(_confidence, (r, c) => new CalibrationPoint(r, c)).ToArray()),
        LanguageJsonContext.Default.CalibrationFile) + "\n";

    /// <exception cref="InvalidDataException">The JSON is not a map of ascending raw confidences to non-decreasing
    /// probabilities between 0 and 1.</exception>
    [MethodImpl(MethodImplOptions.NoOptimization)]
    public static ConfidenceCalibration FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var file = LanguageJson.ReadCalibration(System.Text.Encoding.UTF8.GetBytes(json), "the calibration");

        var points = file.Points ?? [];
        for (var i = 0; i < points.Count; i++)
        {
            var (raw, confidence) = (points[i].Raw, points[i].Confidence);
            if (confidence is < 0 or > 1 || (i > 0 && (raw <= points[i - 1].Raw || confidence < points[i - 1].Confidence)))
            {
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                    $"the calibration's point {i + 1} (raw {raw}, confidence {confidence}) does not follow the one before it upwards, or is outside 0 to 1"));
            }
        }

        if (file.NoMatch is < 0 or > 1)
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"the calibration's no-match confidence {file.NoMatch} is outside 0 to 1"));
        }

        return new ConfidenceCalibration(points.Select(p => p.Raw).ToArray(), points.Select(p => p.Confidence).ToArray(), file.NoMatch, file.Source ?? "");
    }

    private static ConfidenceCalibration ReadEmbedded()
    {
        const string Resource = "Scalability.Grains.Processing.keyword-calibration.json";
        using var stream = typeof(ConfidenceCalibration).Assembly.GetManifestResourceStream(Resource)
                           ?? throw new InvalidOperationException($"the resource '{Resource}' is missing from the assembly");
        using var reader = new StreamReader(stream);
        return FromJson(reader.ReadToEnd());
    }

    private readonly record struct Block(double RawSum, double Correct, double Weight, int Count)
    {
        public double Rate => Correct / Weight;

        public Block Merge(Block other) => new(RawSum + other.RawSum, Correct + other.Correct, Weight + other.Weight, Count + other.Count);
    }
}
