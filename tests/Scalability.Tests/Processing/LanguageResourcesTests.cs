using Scalability.Grains.Processing.Languages;

namespace Scalability.Tests.Processing;

public sealed class LanguageResourcesTests
{
    [Theory]
    [InlineData("en", "English", "the")]
    [InlineData("de", "German", "und")]
    [InlineData("fr", "French", "avec")]
    [InlineData("es", "Spanish", "pero")]
    [InlineData("pt", "Portuguese", "você")]
    [InlineData("it", "Italian", "perché")]
    [InlineData("nl", "Dutch", "niet")]
    public void Every_supported_language_has_its_name_and_stop_words(string code, string name, string stopWord)
    {
        var info = LanguageResources.Info(code);

        Assert.Equal(code, info.Code);
        Assert.Equal(name, info.Name);
        Assert.Contains(stopWord, info.StopWords);
        Assert.All(info.StopWords, w => Assert.True(w.Length > 0 && w == w.ToLowerInvariant() && !w.Contains('\''), $"'{w}' in {code}"));
        Assert.Equal(info.StopWords.Count, info.StopWords.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData("en", "order")]
    [InlineData("de", "rechnung")]
    [InlineData("fr", "commande")]
    [InlineData("es", "pedido")]
    [InlineData("pt", "encomenda")]
    [InlineData("it", "ordine")]
    [InlineData("nl", "bestelling")]
    public void Every_supported_language_has_its_detection_evidence_and_taxonomy(string code, string word)
    {
        var detection = LanguageResources.Info(code).Detection;

        Assert.NotNull(detection);
        Assert.Contains(word, detection.Words);
        Assert.NotEmpty(detection.Endings ?? []);
        Assert.Empty(detection.Words.Intersect(LanguageResources.Info(code).StopWords));
        Assert.Equal(9, Scalability.Grains.Processing.SupportTaxonomy.ForLanguage(code).Categories.Count);
    }

    [Fact]
    public void The_other_languages_are_named_once_each_and_none_is_supported()
    {
        var others = LanguageResources.Others.Languages;

        Assert.Equal(["pl", "sv", "da", "nb", "fi", "tr", "cs", "ro", "hu", "vi", "ru", "uk", "bg", "sr", "mk"], others.Select(l => l.Code));
        Assert.All(others, l => Assert.False(SupportedLanguages.IsSupported(l.Code)));
        Assert.All(others, l => Assert.True(l.Words.Count >= 15, $"{l.Code} has {l.Words.Count} words"));
        Assert.Equal(["ru", "uk", "bg", "sr", "mk"], others.Where(l => l.Script == "Cyrillic").Select(l => l.Code));
    }

    [Fact]
    public void German_terms_also_match_in_their_transliterated_spelling()
    {
        Assert.Equal("ue", LanguageResources.Info("de").Transliterations?["ü"]);
        var refund = Scalability.Grains.Processing.SupportTaxonomy.ForLanguage("de").Categories.Single(c => c.Name == "refund");

        var texts = refund.Terms.Select(t => t.Text).ToArray();
        Assert.Contains("ruckerstatt*", texts);
        Assert.Contains("rueckerstatt*", texts);
    }

    [Fact]
    public void A_missing_resource_is_named()
    {
        var error = Assert.Throws<InvalidOperationException>(() => LanguageResources.Read<LanguageInfo>("xx", "language"));

        Assert.Equal("the language resource 'Scalability.Grains.Languages.xx/language.json' is missing from the assembly", error.Message);
    }
}
