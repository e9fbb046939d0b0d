using System.Diagnostics;
using System.Globalization;
using System.Text;
using Lingua;
using Scalability.Tests.Quality;
using Detector = Scalability.Grains.Processing.Languages.LanguageDetector;
using LinguaDetector = Lingua.LanguageDetector;

namespace Scalability.Benchmarks.Quality;

/// <summary>One language's figures in a <see cref="LanguageDetectionComparisonResult"/>.</summary>
/// <param name="Agreement">The share of texts on which both detectors said the same, right or wrong.</param>
public sealed record LanguageDetectionRow(string Language, int Texts, double OursAccuracy, double LinguaAccuracy, double Agreement);

/// <summary>Our detector against Lingua on the same labelled texts: accuracy of each, agreement, texts per second.</summary>
/// <param name="LinguaLoadSeconds">The first pass of Lingua over the texts, in which it loads the models it needs.</param>
public sealed record LanguageDetectionComparisonResult(
    IReadOnlyList<LanguageDetectionRow> Languages,
    LanguageDetectionRow Short,
    LanguageDetectionRow Longer,
    LanguageDetectionRow All,
    double OursTextsPerSecond,
    double LinguaTextsPerSecond,
    double LinguaLoadSeconds,
    string LinguaSetup)
{
    public override string ToString()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"language detection: ours against Lingua ({LinguaSetup})");
        text.AppendLine("  language   texts    ours  Lingua  agree");
        foreach (var row in Languages.Append(Short).Append(Longer).Append(All))
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"  {row.Language,-9} {row.Texts,6}  {row.OursAccuracy,6:0.000}  {row.LinguaAccuracy,6:0.000}  {row.Agreement,5:0.000}");
        }

        text.AppendLine(CultureInfo.InvariantCulture,
            $"  texts/s: ours {OursTextsPerSecond:N0}, Lingua {LinguaTextsPerSecond:N0} once its models are loaded ({LinguaLoadSeconds:0.0} s for the first pass)");
        return text.ToString();
    }
}

/// <summary>
/// Measures <see cref="Detector.Default"/> against Lingua (SearchPioneer.Lingua, the maintained .NET port of the
/// Lingua detectors), which is too slow and too large for the product's hot path but a good yardstick: both run on
/// the same labelled texts in one process, Lingua restricted to the languages ours can name, an undetermined answer
/// of either counting as wrong.
/// </summary>
public static class LanguageDetectionComparison
{
    /// <summary>Texts up to this long count as short (a chat message, a subject line).</summary>
    public const int ShortTextLength = 80;

    /// <param name="texts">Labelled texts; <see cref="LabelledTicket.Language"/> is the truth, the category is not used.</param>
    /// <param name="lowAccuracy">Lingua's low-accuracy mode (trigrams only: less memory, worse on short texts) with its
    /// models preloaded, instead of its default high-accuracy mode with models loaded as needed.</param>
    public static LanguageDetectionComparisonResult Compare(IReadOnlyList<LabelledTicket> texts, bool lowAccuracy = false)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (texts.Count == 0)
        {
            throw new ArgumentException("the comparison needs at least one labelled text", nameof(texts));
        }

        var ours = Detector.Default;
        var linguaLanguages = OurLanguages().Select(ToLingua).OfType<Language>().Distinct().ToArray();
        var builder = LanguageDetectorBuilder.FromLanguages(linguaLanguages);
        builder = lowAccuracy ? builder.WithLowAccuracyMode().WithPreloadedLanguageModels() : builder;
        var lingua = builder.Build();

        var oursAnswers = texts.Select(t => ours.Detect(t.Text).Language).ToArray();
        var oursPerSecond = TextsPerSecond(texts, t => ours.Detect(t).Language);

        var load = Stopwatch.StartNew();
        var linguaAnswers = texts.Select(t => FromLingua(lingua.DetectLanguageOf(t.Text))).ToArray();
        load.Stop();
        var linguaPerSecond = TextsPerSecond(texts, t => FromLingua(lingua.DetectLanguageOf(t)));

        var indexes = Enumerable.Range(0, texts.Count).ToArray();
        LanguageDetectionRow Row(string name, IEnumerable<int> rows)
        {
            var selected = rows.ToArray();
            double Share(Func<int, bool> test) => selected.Length == 0 ? 0 : (double)selected.Count(test) / selected.Length;
            return new LanguageDetectionRow(
                name,
                selected.Length,
                Share(i => oursAnswers[i] == texts[i].Language),
                Share(i => linguaAnswers[i] == texts[i].Language),
                Share(i => oursAnswers[i] == linguaAnswers[i]));
        }

        var setup = string.Create(CultureInfo.InvariantCulture,
            $"SearchPioneer.Lingua 2.0.0, {linguaLanguages.Length} languages, {(lowAccuracy ? "low-accuracy mode, models preloaded" : "high-accuracy mode, models loaded as needed")}");
        return new LanguageDetectionComparisonResult(
            [.. indexes.GroupBy(i => texts[i].Language).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => Row(g.Key, g))],
            Row("short", indexes.Where(i => texts[i].Text.Length <= ShortTextLength)),
            Row("longer", indexes.Where(i => texts[i].Text.Length > ShortTextLength)),
            Row("all", indexes),
            oursPerSecond,
            linguaPerSecond,
            load.Elapsed.TotalSeconds,
            setup);
    }

    /// <summary>The standard texts: every dev fixture and every short text of the dev folder.</summary>
    /// <param name="repositoryRoot">The folder holding Scalability.Orleans.sln.</param>
    public static IReadOnlyList<LabelledTicket> StandardTexts(string repositoryRoot)
    {
        var folder = Path.Combine(repositoryRoot, QualityDataSets.DevFolderInRepository);
        return [.. QualityDataSets.DevFixtures(folder), .. QualityDataSets.ShortTexts(folder)];
    }

    /// <summary>Every code our detector can answer, by words or by script.</summary>
    private static IEnumerable<string> OurLanguages() =>
        Detector.Default.WordLanguages.Concat(["el", "hy", "he", "ar", "hi", "bn", "ta", "th", "ka", "ko", "ja", "zh"]);

    private static Language? ToLingua(string code) =>
        Enum.TryParse<IsoCode6391>(code, ignoreCase: true, out var iso) ? LanguageInfo.GetByIsoCode6391(iso) : null;

    private static string FromLingua(Language language) =>
        language == Language.Unknown ? "und" : language.IsoCode6391().ToString().ToLowerInvariant();

    /// <summary>Passes over the texts until half a second has gone by (at least one), in texts per second.</summary>
    private static double TextsPerSecond(IReadOnlyList<LabelledTicket> texts, Func<string, string> detect)
    {
        var checksum = 0;
        var done = 0L;
        var clock = Stopwatch.StartNew();
        do
        {
            foreach (var text in texts)
            {
                checksum += detect(text.Text).Length;
            }

            done += texts.Count;
        }
        while (clock.Elapsed.TotalSeconds < 0.5);

        GC.KeepAlive(checksum);
        return Math.Round(done / clock.Elapsed.TotalSeconds, 0);
    }
}
