using Scalability.Grains.Processing.Languages;
using Scalability.Tests.Quality;
using Xunit.Abstractions;

namespace Scalability.Tests.Processing;

public sealed class LanguageDetectorTests(ITestOutputHelper output)
{
    private static readonly LanguageDetector Detector = LanguageDetector.Default;

    [Theory]
    [InlineData("en")]
    [InlineData("de")]
    [InlineData("fr")]
    [InlineData("es")]
    [InlineData("pt")]
    [InlineData("it")]
    [InlineData("nl")]
    [InlineData("pl")]
    [InlineData("sv")]
    [InlineData("tr")]
    [InlineData("cs")]
    [InlineData("ru")]
    [InlineData("ja")]
    public void Tells_every_dev_fixture_of_a_language(string language)
    {
        var tickets = QualityDataSets.DevFixtures(QualityPaths.DevFolder).Where(t => t.Language == language).ToArray();

        var wrong = tickets.Select(t => (t.Id, Detected: Detector.Detect(t.Text))).Where(r => r.Detected.Language != language).ToArray();

        output.WriteLine($"{language}: {tickets.Length - wrong.Length} of {tickets.Length} right");
        Assert.True(tickets.Length >= 2, $"{tickets.Length} dev fixtures in {language}");
        Assert.Empty(wrong);
    }

    public static TheoryData<string, string> ShortTexts()
    {
        var data = new TheoryData<string, string>();
        foreach (var text in QualityDataSets.ShortTexts(QualityPaths.DevFolder))
        {
            data.Add(text.Language, text.Text);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ShortTexts))]
    public void Tells_short_chat_messages(string language, string text)
    {
        var detected = Detector.Detect(text);

        Assert.Equal(language, detected.Language);
        Assert.InRange(detected.Confidence, 0.5, 0.99);
    }

    [Fact]
    public void The_short_texts_cover_every_supported_language_and_the_common_unsupported_ones()
    {
        var languages = QualityDataSets.ShortTexts(QualityPaths.DevFolder).GroupBy(t => t.Language).ToDictionary(g => g.Key, g => g.Count());

        Assert.All(SupportedLanguages.Codes, code => Assert.True(languages.GetValueOrDefault(code) >= 5, $"{code}: {languages.GetValueOrDefault(code)} short texts"));
        Assert.All(["pl", "sv", "da", "nb", "fi", "tr", "cs", "ro", "hu", "ru", "uk", "bg", "el", "ar", "he", "hi", "th", "ja", "zh", "ko"],
            code => Assert.True(languages.ContainsKey(code), $"no short text in {code}"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t ")]
    [InlineData("12345 !!! ???")]
    [InlineData("#88213 / 2024-03-12 / 14:30")]
    [InlineData("ok")]
    [InlineData("Hallo")]
    [InlineData("create pro account")]
    public void Says_und_when_it_cannot_tell(string text)
    {
        Assert.Equal(LanguageDetection.Undetermined, Detector.Detect(text));
    }

    [Fact]
    public void Reads_damaged_exports_as_their_text()
    {
        Assert.Equal("fr", Detector.Detect("Bonjour,\\n\\nje souhaite r&eacute;silier mon abonnement.\\nCordialement").Language);
        Assert.Equal("de", Detector.Detect("Hallo,<br>mein Paket ist&nbsp;nicht angekommen.<br/>Gr&uuml;&szlig;e").Language);
    }

    [Fact]
    public void Looks_at_a_bounded_prefix()
    {
        var english = "Hello, I need help with the order I placed on Monday please. ";
        var german = string.Concat(Enumerable.Repeat("Ich habe eine Frage zu meiner Rechnung und bitte um Hilfe. ", 40));

        Assert.Equal("en", Detector.Detect(english + german).Language);
        Assert.Equal("de", Detector.Detect(german).Language);
        // Nothing in the first MaxScannedChars characters: the rest is not read.
        Assert.Equal(LanguageDetection.Undetermined, Detector.Detect(new string(' ', LanguageDetector.MaxScannedChars + 10) + german));
    }

    [Fact]
    public void Names_the_language_of_the_script_that_dominates()
    {
        Assert.Equal("ru", Detector.Detect("Order #4451: где мой заказ? Он должен был прийти вчера").Language);
        Assert.Equal("ja", Detector.Detect("注文番号 4451 の商品がまだ届いていません").Language);
    }

    [Fact]
    public void Is_deterministic_and_thread_safe()
    {
        var texts = QualityDataSets.DevFixtures(QualityPaths.DevFolder).Select(t => t.Text).ToArray();
        var expected = texts.Select(t => Detector.Detect(t)).ToArray();

        Parallel.For(0, 8, _ =>
        {
            for (var i = 0; i < texts.Length; i++)
            {
                Assert.Equal(expected[i], Detector.Detect(texts[i]));
            }
        });
    }

    [Fact]
    public void Rejects_evidence_that_is_not_a_word()
    {
        var error = Assert.Throws<ArgumentException>(() => new LanguageDetector([("xx", new DetectionEvidence(["two words"]))]));

        Assert.Equal("xx: 'two words' is not a single word of letters", error.Message);
    }
}
