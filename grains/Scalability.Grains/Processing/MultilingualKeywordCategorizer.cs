using Scalability.Grains.Processing.Languages;

namespace Scalability.Grains.Processing;

/// <summary>A category prediction together with the language it was made in.</summary>
public readonly record struct LanguagePrediction(CategoryPrediction Prediction, LanguageDetection Language);

/// <summary>
/// The keyword categorizer in the ticket's own language: it detects the language (<see cref="LanguageDetector"/>) and
/// categorizes with that language's taxonomy (<see cref="SupportTaxonomy.ForLanguage"/>), all with one fitted
/// <see cref="ConfidenceCalibration"/>. A ticket in a language the processor has no vocabulary for gets the fallback
/// category with <see cref="UnsupportedLanguageConfidence"/>, never a confident guess from another language's words.
/// An undetermined one (a few words shared by several languages, "Hallo", "ok") is categorized with every supported
/// taxonomy and takes the one that finds the most evidence, English on a tie. Immutable and thread-safe.
/// </summary>
public sealed class MultilingualKeywordCategorizer : ITicketCategorizer
{
    /// <summary>
    /// The confidence of the fallback category for a ticket in an unsupported language: about the chance that a
    /// ticket of nine categories is the fallback one, which is as much as is known of it.
    /// </summary>
    public const double UnsupportedLanguageConfidence = 0.10;

    private readonly LanguageDetector _detector;
    private readonly Dictionary<string, KeywordCategorizer> _byLanguage;
    private readonly KeywordCategorizer[] _all;

    public MultilingualKeywordCategorizer(LanguageDetector detector, IReadOnlyDictionary<string, KeywordCategorizer> byLanguage)
    {
        ArgumentNullException.ThrowIfNull(detector);
        ArgumentNullException.ThrowIfNull(byLanguage);
        if (byLanguage.Count == 0)
        {
            throw new ArgumentException("a multilingual categorizer needs at least one language", nameof(byLanguage));
        }

        var fallbacks = byLanguage.Values.Select(c => c.FallbackCategory).Distinct(StringComparer.Ordinal).ToArray();
        if (fallbacks.Length != 1)
        {
            throw new ArgumentException($"the languages' taxonomies have different fallback categories: {string.Join(", ", fallbacks)}", nameof(byLanguage));
        }

        _detector = detector;
        _byLanguage = new Dictionary<string, KeywordCategorizer>(byLanguage, StringComparer.Ordinal);
        // English first, so that it wins ties for undetermined text.
        _all = [.. byLanguage.OrderBy(p => p.Key == "en" ? 0 : 1).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value)];
        FallbackCategory = fallbacks[0];
    }

    /// <summary>Every supported language's taxonomy with the fitted calibration, and the default detector.</summary>
    public static MultilingualKeywordCategorizer Default { get; } = new(
        LanguageDetector.Default,
        SupportedLanguages.Codes.ToDictionary(
            code => code,
            code => code == "en" ? KeywordCategorizer.Default : new KeywordCategorizer(SupportTaxonomy.ForLanguage(code), ConfidenceCalibration.Default),
            StringComparer.Ordinal));

    public string FallbackCategory { get; }

    public IReadOnlyCollection<string> Languages => _byLanguage.Keys;

    public CategoryPrediction Categorize(string text) => CategorizeWithLanguage(text).Prediction;

    public LanguagePrediction CategorizeWithLanguage(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var language = _detector.Detect(text);
        return new LanguagePrediction(Categorize(text, language), language);
    }

    /// <summary>The prediction for a text whose language is already known.</summary>
    public CategoryPrediction Categorize(ReadOnlySpan<char> text, LanguageDetection language)
    {
        var (categorizer, scores) = Score(text, language);
        return categorizer?.Predict(scores) ?? new CategoryPrediction(FallbackCategory, UnsupportedLanguageConfidence);
    }

    /// <summary>
    /// The categorizer a text of that language is scored with and its scores; no categorizer for an unsupported
    /// language. For fitting the calibration, which maps the raw confidence of these scores.
    /// </summary>
    public (KeywordCategorizer? Categorizer, KeywordScores Scores) Score(ReadOnlySpan<char> text, LanguageDetection language)
    {
        if (_byLanguage.TryGetValue(language.Language, out var categorizer))
        {
            return (categorizer, categorizer.Score(text));
        }

        if (!language.IsUndetermined)
        {
            return (null, default);
        }

        var best = _all[0];
        var bestScores = best.Score(text);
        for (var i = 1; i < _all.Length; i++)
        {
            var scores = _all[i].Score(text);
            if (scores.BestScore > bestScores.BestScore)
            {
                (best, bestScores) = (_all[i], scores);
            }
        }

        return (best, bestScores);
    }

    /// <summary>The detector this categorizer names languages with.</summary>
    public LanguageDetector Detector => _detector;
}
