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

    [Fact]
    public void A_missing_resource_is_named()
    {
        var error = Assert.Throws<InvalidOperationException>(() => LanguageResources.Read<LanguageInfo>("xx", "language"));

        Assert.Equal("the language resource 'Scalability.Grains.Languages.xx/language.json' is missing from the assembly", error.Message);
    }
}
