using Scalability.Grains.Processing;
using Scalability.Grains.Processing.Summaries;
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
        // The request comes last and the problem first; both are chosen, in the order the customer wrote them, and the
        // weather between them is not.
        const string text =
            "The invoice for March charges the Pro plan twice, once on the 3rd and once on the 4th. " +
            "The weather here has been lovely all week and the garden looks great. " +
            "I have been a customer for six years and I have always paid on time. " +
            "We moved to a new office in the spring and the move went smoothly. " +
            "Our accountant looks after the paperwork once a month, usually on a Friday. " +
            "Our team of eight people works with the plan every day for customer projects. " +
            "Could you please send a corrected invoice and refund the second charge?";

        var summary = Summarizer.Summarize(text, 240);

        Assert.Equal(
            "The invoice for March charges the Pro plan twice, once on the 3rd and once on the 4th. " +
            "Could you please send a corrected invoice and refund the second charge?",
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
    public void Cuts_a_long_sentence_after_a_clause_when_one_ends_in_its_second_half()
    {
        const string text =
            "My smart meter display and the app have shown 0.00 kWh every day since 14 March, but the heating and " +
            "everything else in the house is on as normal.";

        Assert.Equal("My smart meter display and the app have shown 0.00 kWh every day since 14 March\u2026", Summarizer.Summarize(text, 100));
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
    public void Splits_sentences_but_not_abbreviations_decimals_list_numbers_dates_or_placeholders()
    {
        const string text =
            "Use a tool, e.g. a screwdriver. It costs $1.95 at {store.name}! Is Dr. Smith in?\n" +
            "3. Unplug it... Then wait. Am 07.03. kam niemand, am 3. Juni auch nicht. Tel. 0176 5551234 ok";

        Assert.Equal(
            ["Use a tool, e.g. a screwdriver.", "It costs $1.95 at {store.name}!", "Is Dr. Smith in?", "3. Unplug it...", "Then wait.",
             "Am 07.03. kam niemand, am 3. Juni auch nicht.", "Tel. 0176 5551234 ok"],
            Split(text));
    }

    [Fact]
    public void A_line_break_inside_a_sentence_does_not_split_it()
    {
        Assert.Equal(["My order arrived with the lid broken and the box wet.", "Please send a new one", "Thanks,", "Anna"],
            Split("My order arrived with the lid broken\nand the box wet.\nPlease send a new one\n\nThanks,\nAnna"));
    }

    [Fact]
    public void A_lone_brace_does_not_stop_sentence_splitting()
    {
        Assert.Equal(["The log says { at line 4.", "Then the app closes.", "It never recovers."], Split("The log says { at line 4. Then the app closes. It never recovers."));
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
    public void A_very_long_ticket_is_summarised_and_does_not_break_the_next()
    {
        var paragraph = "The router drops the connection every evening and restarting it does not help. ";
        var huge = "Hi,\n\n" + string.Concat(Enumerable.Range(0, 4000).Select(i => $"Line {i}: " + paragraph + "\n"));

        var flattened = huge.Replace('\n', ' ') + " mail@example.com" + string.Concat(Enumerable.Repeat(".x", 50_000));

        Assert.InRange(Summarizer.Summarize(huge, 240).Length, 1, 240);
        Assert.InRange(Summarizer.Summarize(flattened, 240).Length, 1, 240);
        Assert.Equal("The parcel never came.", Summarizer.Summarize("Hi,\n\nThe parcel never came.", 240));
    }

    [Fact]
    public void Rejects_a_limit_below_one()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Summarizer.Summarize("text", 0));
    }

    private static string[] Split(string text)
    {
        var sentences = new SentenceSpans();
        SentenceSplitter.Split(text, sentences, SummaryLexicon.Default);
        return sentences.AsSpan().ToArray().Select(s => text.Substring(s.Start, s.Length).Replace('\n', ' ')).ToArray();
    }

    /// <summary>
    /// Each piece, white space collapsed, occurs in the collapsed normalised source after the previous one (its first
    /// letter's case aside, for a greeting taken off before it); a cut piece's kept part is a prefix of a sentence there.
    /// </summary>
    private static void AssertPiecesComeFromSourceInOrder(string source, IReadOnlyList<string> pieces)
    {
        var collapsed = SummaryMeasures.Collapse(TicketTextNormalizer.Default.Normalize(source));
        var from = 0;
        foreach (var piece in pieces)
        {
            var kept = piece.EndsWith(ExtractiveSummarizer.Ellipsis) ? piece[..^1] : piece;
            var at = collapsed.IndexOf(kept, from, StringComparison.Ordinal);
            if (at < 0 && kept.Length > 0)
            {
                at = collapsed.IndexOf(char.ToLowerInvariant(kept[0]) + kept[1..], from, StringComparison.Ordinal);
            }

            Assert.True(at >= 0, $"'{kept}' is not in the source after position {from}:\n{collapsed}");
            from = at + kept.Length;
        }
    }
}
