using Scalability.Grains.Processing.Languages;
using Scalability.Grains.Processing.Summaries;

namespace Scalability.Tests.Processing;

public sealed class BoilerplateResourcesTests
{
    public static TheoryData<string> Languages() => [.. SupportedLanguages.Codes];

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_supported_language_has_its_boilerplate_lists(string code)
    {
        var file = LanguageResources.Read<BoilerplateFile>(code, "boilerplate");

        Assert.Equal(code, file.Code);
        IReadOnlyList<string>[] lists =
        [
            file.Greetings, file.Addressees, file.Valedictions, file.ClosingWords, file.FillerWords, file.SignatureLines,
            file.ContactLabels, file.DisclaimerCues, file.ProblemCues, file.RequestCues, file.NoiseWords, file.Months, file.ReplyPrefixes,
            file.Quoting.AttributionOpeners, file.Quoting.AttributionVerbs, file.Quoting.FromFields, file.Quoting.HeaderFields,
            file.Quoting.Separators,
        ];
        Assert.All(lists, list =>
        {
            Assert.NotEmpty(list);
            Assert.All(list, entry => Assert.True(entry.Length > 0 && entry == entry.ToLowerInvariant() && entry.Trim() == entry, $"'{entry}' in {code}"));
            Assert.Equal(list.Count, list.Distinct(StringComparer.Ordinal).Count());
        });
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void The_start_up_reader_reads_what_the_general_reader_reads(string code)
    {
        var general = LanguageResources.Read<BoilerplateFile>(code, "boilerplate");
        var fast = LanguageFiles.ReadBoilerplate(code);

        Assert.Equal(general.Code, fast.Code);
        Assert.Equal(Lists(general), Lists(fast));
        Assert.Equal(LanguageResources.Info(code).StopWords, LanguageFiles.ReadStopWords(code));
    }

    [Fact]
    public void A_missing_language_file_is_named()
    {
        var error = Assert.Throws<InvalidOperationException>(() => LanguageFiles.ReadBoilerplate("xx"));

        Assert.Equal("the language resource 'Scalability.Grains.Languages.xx/boilerplate.json' is missing from the assembly", error.Message);
    }

    private static string[][] Lists(BoilerplateFile file) =>
    [
        [.. file.Greetings], [.. file.Addressees], [.. file.Valedictions], [.. file.ClosingWords], [.. file.FillerWords],
        [.. file.SignatureLines], [.. file.ContactLabels], [.. file.DisclaimerCues], [.. file.ProblemCues], [.. file.RequestCues],
        [.. file.NoiseWords], [.. file.Months], [.. file.ReplyPrefixes], [.. file.Quoting.AttributionOpeners],
        [.. file.Quoting.AttributionVerbs], [.. file.Quoting.FromFields], [.. file.Quoting.HeaderFields], [.. file.Quoting.Separators],
    ];

    [Fact]
    public void The_lexicon_merges_every_language_and_its_stop_words()
    {
        var lexicon = SummaryLexicon.Default;

        Assert.Equal(WordFlags.Stop, lexicon.Flags(WordScanner.Hashes("und")[0]) & WordFlags.Stop);
        Assert.NotEqual(WordFlags.None, lexicon.Flags(WordScanner.Hashes("abgebucht")[0]) & WordFlags.Problem);
        Assert.NotEqual(WordFlags.None, lexicon.Flags(WordScanner.Hashes("remboursement")[0]) & WordFlags.Request);
        Assert.NotEqual(WordFlags.None, lexicon.Flags(WordScanner.Hashes("bedankt")[0]) & WordFlags.Closing);
        Assert.Equal(WordFlags.None, lexicon.Flags(WordScanner.Hashes("router")[0]));
    }

    [Fact]
    public void A_file_without_a_list_is_named()
    {
        var file = LanguageResources.Read<BoilerplateFile>("en", "boilerplate") with { ProblemCues = null! };

        var error = Assert.Throws<InvalidDataException>(() => SummaryLexicon.Build([file], []));

        Assert.Equal("en/boilerplate.json has no 'problemCues' list", error.Message);
    }

    [Fact]
    public void An_entry_without_a_word_is_named()
    {
        var file = LanguageResources.Read<BoilerplateFile>("en", "boilerplate") with { Greetings = ["hi", "--"] };

        var error = Assert.Throws<InvalidDataException>(() => SummaryLexicon.Build([file], []));

        Assert.Equal("en/boilerplate.json: the entry '--' of 'greetings' has no letters or digits", error.Message);
    }
}
