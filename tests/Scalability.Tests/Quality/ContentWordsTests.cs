using Scalability.Grains.Quality;

namespace Scalability.Tests.Quality;

/// <summary>What the clustering reads of a ticket: its content words, and which of them make phrases.</summary>
public sealed class ContentWordsTests
{
    [Fact]
    public void Stop_words_numbers_ids_placeholders_and_addresses_are_left_out_and_plurals_meet_their_singulars()
    {
        const string text = "I can't find {product_purchased} or {{Order Number}} ORD-998 #12345 for ann@mail.example on " +
                            "https://shop.example/help; the Gift-Card balances, l'adresse, we'd the company's deliveries";
        var words = new List<ContentWord>();

        ContentWords.Default.Extract(text, words);

        Assert.Equal(
        [
            new ContentWord("find", "find", false),
            new ContentWord("gift", "gift", false),
            new ContentWord("card", "card", true),
            new ContentWord("balance", "balances", true),
            new ContentWord("adresse", "adresse", false),
            new ContentWord("company", "company", false),
            new ContentWord("delivery", "deliveries", true),
        ], words);
    }

    [Fact]
    public void A_phrase_runs_over_spaces_and_hyphens_but_not_over_punctuation_or_a_left_out_word()
    {
        var words = new List<ContentWord>();

        ContentWords.Default.Extract("loyalty points. loyalty (points) loyalty the points loyalty-points", words);

        Assert.Equal([false, true, false, false, false, false, true, true], words.Select(w => w.FollowsPrevious));
    }

    [Theory]
    [InlineData("points", "point")]
    [InlineData("deliveries", "delivery")]
    [InlineData("address", "address")]
    [InlineData("status", "status")]
    [InlineData("analysis", "analysis")]
    [InlineData("gas", "gas")]
    [InlineData("card", "card")]
    public void A_plural_ending_is_taken_off_the_key(string word, string key) => Assert.Equal(key, ContentWords.KeyOf(word));

    [Fact]
    public void Every_supported_languages_stop_words_are_left_out()
    {
        var words = new List<ContentWord>();

        ContentWords.Default.Extract("und der die mit pour avec nous para com uma della nello het een", words);

        Assert.Empty(words);
    }
}
