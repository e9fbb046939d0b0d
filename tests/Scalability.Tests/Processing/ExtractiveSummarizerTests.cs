using System.Text;
using Scalability.Grains.Processing;
using Xunit.Abstractions;

namespace Scalability.Tests.Processing;

public sealed class ExtractiveSummarizerTests(ITestOutputHelper output)
{
    private static readonly ExtractiveSummarizer Summarizer = ExtractiveSummarizer.Default;

    [Theory]
    [InlineData(240)]
    [InlineData(120)]
    [InlineData(60)]
    public void Every_real_description_gets_a_summary_within_the_limit_made_of_its_own_sentences(int maxChars)
    {
        var descriptions = SharedData.ReadColumns(SharedData.SupportTickets, "Ticket Description").Select(r => r[0]).ToList();
        Assert.Equal(8469, descriptions.Count);

        var cut = 0;
        var totalLength = 0L;
        foreach (var description in descriptions)
        {
            var summary = Summarizer.Summarize(description, maxChars);
            var pieces = Summarizer.SummarySentences(description, maxChars);

            Assert.InRange(summary.Length, 1, maxChars);
            Assert.DoesNotContain('\n', summary);
            Assert.DoesNotContain('\r', summary);
            Assert.DoesNotContain("  ", summary, StringComparison.Ordinal);
            Assert.Equal(string.Join(' ', pieces), summary);
            AssertPiecesComeFromSourceInOrder(description, pieces);
            cut += summary.EndsWith(ExtractiveSummarizer.Ellipsis) ? 1 : 0;
            totalLength += summary.Length;
        }

        output.WriteLine($"max {maxChars}: mean summary length {(double)totalLength / descriptions.Count:F0}, {cut} cut with an ellipsis");
    }

    [Fact]
    public void Picks_the_sentence_that_carries_the_topic()
    {
        const string text = """
            Hello!
            I hope you are doing well today. My Orbit router drops the Wi-Fi connection every evening around 8 pm.
            Restarting the router brings the connection back for about an hour. Have a nice weekend.
            """;

        var summary = Summarizer.Summarize(text, 75);

        Assert.Equal("My Orbit router drops the Wi-Fi connection every evening around 8 pm.", summary);
    }

    [Fact]
    public void Keeps_the_chosen_sentences_in_their_original_order()
    {
        // The last sentence ranks first (it repeats the words the text is about), the first one second, and the
        // middle one does not fit any more.
        const string text =
            "Something about the invoice looks odd. Weather is nice. " +
            "The invoice amount is wrong because the invoice counts the amount twice.";

        var summary = Summarizer.Summarize(text, 120);

        Assert.Equal(
            "Something about the invoice looks odd. The invoice amount is wrong because the invoice counts the amount twice.",
            summary);
    }

    [Fact]
    public void Collapses_whitespace_and_line_breaks()
    {
        const string text = "My   parcel\tnever\r\narrived.\n\n\nThe   tracking page\n says delivered.";

        var summary = Summarizer.Summarize(text, 200);

        Assert.Equal("My parcel never arrived. The tracking page says delivered.", summary);
    }

    [Fact]
    public void Cuts_a_too_long_best_sentence_at_a_word_boundary_with_an_ellipsis()
    {
        const string text =
            "The replacement charger that arrived yesterday overheats within minutes, smells of burnt plastic, " +
            "and switched off my laptop twice while I was in the middle of a video call with a client.";

        var summary = Summarizer.Summarize(text, 60);

        Assert.EndsWith("\u2026", summary, StringComparison.Ordinal);
        Assert.InRange(summary.Length, 2, 60);
        var kept = summary[..^1];
        Assert.StartsWith(kept, text, StringComparison.Ordinal);
        Assert.True(text[kept.Length] is ' ' or ',', $"cut inside a word: '{summary}'");
        Assert.Equal("The replacement charger that arrived yesterday overheats\u2026", summary);
    }

    [Fact]
    public void Cuts_a_single_overlong_word_hard()
    {
        var word = new string('x', 100);

        var summary = Summarizer.Summarize(word, 10);

        Assert.Equal(new string('x', 9) + "\u2026", summary);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\r\n\t\n")]
    public void Blank_text_gives_an_empty_summary(string text)
    {
        Assert.Equal("", Summarizer.Summarize(text, 100));
    }

    [Fact]
    public void Text_without_words_is_its_own_summary()
    {
        Assert.Equal(":-) !!!", Summarizer.Summarize("  :-)   !!!  ", 100));
    }

    [Fact]
    public void Splits_sentences_but_not_abbreviations_decimals_list_numbers_or_placeholders()
    {
        const string text =
            "Use a tool, e.g. a screwdriver. It costs $1.95 at {store.name}! Is Dr. Smith in?\n" +
            "3. Unplug it... Then wait";

        var sentences = ExtractiveSummarizer.SplitSentences(text).Select(s => text.Substring(s.Start, s.Length)).ToArray();

        Assert.Equal(
            ["Use a tool, e.g. a screwdriver.", "It costs $1.95 at {store.name}!", "Is Dr. Smith in?", "3. Unplug it...", "Then wait"],
            sentences);
    }

    [Fact]
    public void A_lone_brace_does_not_stop_sentence_splitting()
    {
        const string text = "The log says { at line 4. Then the app closes. It never recovers.";

        var sentences = ExtractiveSummarizer.SplitSentences(text).Select(s => text.Substring(s.Start, s.Length)).ToArray();

        Assert.Equal(["The log says { at line 4.", "Then the app closes.", "It never recovers."], sentences);
    }

    [Fact]
    public void Placeholder_words_are_not_content()
    {
        // Without the placeholder's words, the first sentence has nothing to say; the second carries the topic.
        const string text = "See {product_purchased product_purchased}. The hinge cracked.";

        Assert.Equal("The hinge cracked.", Summarizer.Summarize(text, 20));
    }

    [Fact]
    public void Is_deterministic_across_calls_instances_and_threads()
    {
        var descriptions = SharedData.ReadColumns(SharedData.SupportTickets, "Ticket Description").Select(r => r[0]).Take(2000).ToArray();
        var expected = descriptions.Select(d => Summarizer.Summarize(d, 160)).ToArray();
        var fresh = new ExtractiveSummarizer();

        var parallel = new string[descriptions.Length];
        Parallel.For(0, descriptions.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 },
            i => parallel[i] = Summarizer.Summarize(descriptions[i], 160));

        Assert.Equal(expected, descriptions.Select(d => Summarizer.Summarize(d, 160)).ToArray());
        Assert.Equal(expected, descriptions.Select(d => fresh.Summarize(d, 160)).ToArray());
        Assert.Equal(expected, parallel);
    }

    [Fact]
    public void Rejects_a_limit_below_one()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Summarizer.Summarize("text", 0));
    }

    /// <summary>
    /// Each piece, whitespace collapsed, occurs in the collapsed source after the previous one; a cut piece's kept
    /// part is a prefix of a sentence there.
    /// </summary>
    private static void AssertPiecesComeFromSourceInOrder(string source, IReadOnlyList<string> pieces)
    {
        var collapsed = Collapse(source);
        var from = 0;
        foreach (var piece in pieces)
        {
            var kept = piece.EndsWith(ExtractiveSummarizer.Ellipsis) ? piece[..^1] : piece;
            var at = collapsed.IndexOf(kept, from, StringComparison.Ordinal);
            Assert.True(at >= 0, $"'{kept}' is not in the source after position {from}:\n{collapsed}");
            from = at + kept.Length;
        }
    }

    private static string Collapse(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
