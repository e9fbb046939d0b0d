using Scalability.Grains.Processing.Languages;
using Scalability.Grains.Processing.Summaries;

namespace Scalability.Grains.Processing;

/// <summary>A category prediction together with the language it was made in.</summary>
public readonly record struct LanguagePrediction(CategoryPrediction Prediction, LanguageDetection Language);

/// <summary>
/// The keyword categorizer in the ticket's own language: it detects the language (<see cref="LanguageDetector"/>) and
/// categorizes with that language's taxonomy (<see cref="SupportTaxonomy.ForLanguage"/>), all with one fitted
/// <see cref="ConfidenceCalibration"/>. A ticket in a language the processor has no vocabulary for gets the fallback
/// category with <see cref="UnsupportedLanguageConfidence"/>, never a confident guess from another language's words.
/// A short undetermined one (a few words shared by several languages, "Hallo", "ok", "refund pls") is categorized with
/// every supported taxonomy and takes the one that finds the most evidence, English on a tie; a longer one gave the
/// detector enough words to know a supported language, so it is most likely in another and gets the fallback too.
/// Immutable and thread-safe.
/// </summary>
public sealed class MultilingualKeywordCategorizer : ITicketCategorizer
{
    /// <summary>
    /// The confidence of the fallback category for a ticket in an unsupported language: about the chance that a
    /// ticket of nine categories is the fallback one, which is as much as is known of it.
    /// </summary>
    public const double UnsupportedLanguageConfidence = 0.10;

    /// <summary>
    /// From how many counted words (<see cref="TicketEvidence.CountWords"/>) an undetermined text is answered as one in
    /// an unsupported language: below it, the words are too few for the detector to tell a supported language.
    /// </summary>
    public const int UndeterminedWordLimit = 10;

    private readonly LanguageDetector _detector;
    private readonly Dictionary<string, Lazy<KeywordCategorizer>> _byLanguage;
    private readonly Lazy<KeywordCategorizer>[] _all;

    public MultilingualKeywordCategorizer(LanguageDetector detector, IReadOnlyDictionary<string, KeywordCategorizer> byLanguage)
        : this(detector, ValidFallback(byLanguage), byLanguage?.Keys.ToArray() ?? [], code => byLanguage![code])
    {
    }

    /// <param name="create">Makes the categorizer of a language when a ticket of that language first needs it, so that
    /// a job of one language builds one taxonomy.</param>
    public MultilingualKeywordCategorizer(
        LanguageDetector detector, string fallbackCategory, IReadOnlyCollection<string> languages, Func<string, KeywordCategorizer> create)
    {
        ArgumentNullException.ThrowIfNull(detector);
        ArgumentException.ThrowIfNullOrWhiteSpace(fallbackCategory);
        ArgumentNullException.ThrowIfNull(languages);
        ArgumentNullException.ThrowIfNull(create);
        if (languages.Count == 0)
        {
            throw new ArgumentException("a multilingual categorizer needs at least one language", nameof(languages));
        }

        _detector = detector;
        FallbackCategory = fallbackCategory;
        _byLanguage = languages.Distinct(StringComparer.Ordinal).ToDictionary(
            code => code,
            code => new Lazy<KeywordCategorizer>(() =>
            {
                var categorizer = create(code);
                return categorizer.FallbackCategory == fallbackCategory
                    ? categorizer
                    : throw new InvalidOperationException(
                        $"the {code} taxonomy falls back to '{categorizer.FallbackCategory}', the others to '{fallbackCategory}'");
            }),
            StringComparer.Ordinal);
        // English first, so that it wins ties for undetermined text.
        _all = [.. _byLanguage.OrderBy(p => p.Key == "en" ? 0 : 1).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value)];
    }

    /// <summary>Every supported language's taxonomy with the fitted calibration, each built when first needed, and the
    /// default detector.</summary>
    public static MultilingualKeywordCategorizer Default { get; } = new(
        LanguageDetector.Default,
        SupportTaxonomy.OtherCategory,
        SupportedLanguages.Codes,
        code => code == "en" ? KeywordCategorizer.Default : new KeywordCategorizer(SupportTaxonomy.ForLanguage(code), ConfidenceCalibration.Default));

    public string FallbackCategory { get; }

    public IReadOnlyCollection<string> Languages => _byLanguage.Keys;

    public CategoryPrediction Categorize(string text) => CategorizeWithLanguage(text).Prediction;

    public LanguagePrediction CategorizeWithLanguage(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var analysis = TicketReader.Default.Read(text);
        var prediction = CategorizeWithLanguage(text, analysis);
        TicketReader.Release(analysis);
        return prediction;
    }

    /// <summary>The prediction for a ticket a <see cref="TicketReader"/> already took apart.</summary>
    internal LanguagePrediction CategorizeWithLanguage(string text, TicketAnalysis analysis)
    {
        var language = _detector.Detect(text);
        var (categorizer, scores) = Score(analysis, language);
        return new LanguagePrediction(Predict(categorizer, scores), language);
    }

    /// <summary>The prediction for a text whose language is already known.</summary>
    public CategoryPrediction Categorize(ReadOnlySpan<char> text, LanguageDetection language)
    {
        var (categorizer, scores) = Score(text, language);
        return Predict(categorizer, scores);
    }

    private CategoryPrediction Predict(KeywordCategorizer? categorizer, KeywordScores scores) =>
        categorizer?.Predict(scores) ?? new CategoryPrediction(FallbackCategory, UnsupportedLanguageConfidence);

    /// <summary>
    /// The categorizer a text of that language is scored with and its scores; no categorizer for an unsupported
    /// language. For fitting the calibration, which maps the raw confidence of these scores.
    /// </summary>
    public (KeywordCategorizer? Categorizer, KeywordScores Scores) Score(ReadOnlySpan<char> text, LanguageDetection language)
    {
        var analysis = TicketReader.Default.Read(text);
        var result = Score(analysis, language);
        TicketReader.Release(analysis);
        return result;
    }

    private (KeywordCategorizer? Categorizer, KeywordScores Scores) Score(TicketAnalysis analysis, LanguageDetection language)
    {
        if (_byLanguage.TryGetValue(language.Language, out var lazy))
        {
            var categorizer = lazy.Value;
            return (categorizer, categorizer.Score(analysis));
        }

        if (!language.IsUndetermined || TicketEvidence.CountWords(analysis, UndeterminedWordLimit) >= UndeterminedWordLimit)
        {
            return (null, default);
        }

        var best = _all[0].Value;
        var bestScores = best.Score(analysis);
        for (var i = 1; i < _all.Length; i++)
        {
            var scores = _all[i].Value.Score(analysis);
            if (scores.BestScore > bestScores.BestScore)
            {
                (best, bestScores) = (_all[i].Value, scores);
            }
        }

        return (best, bestScores);
    }

    private static string ValidFallback(IReadOnlyDictionary<string, KeywordCategorizer>? byLanguage)
    {
        ArgumentNullException.ThrowIfNull(byLanguage);
        var fallbacks = byLanguage.Values.Select(c => c.FallbackCategory).Distinct(StringComparer.Ordinal).ToArray();
        return fallbacks.Length switch
        {
            0 => throw new ArgumentException("a multilingual categorizer needs at least one language", nameof(byLanguage)),
            1 => fallbacks[0],
            _ => throw new ArgumentException($"the languages' taxonomies have different fallback categories: {string.Join(", ", fallbacks)}", nameof(byLanguage)),
        };
    }

    /// <summary>The detector this categorizer names languages with.</summary>
    public LanguageDetector Detector => _detector;
}
