using Scalability.Tests.Quality;
using Scalability.Grains.Processing;
using Scalability.Grains.Processing.Languages;
using Scalability.Grains.Processing.Summaries;
using Scalability.Tests.Support;
using Xunit.Abstractions;

namespace Scalability.Tests.Processing;

/// <summary>
/// The summarizer's promises on the shared real data, the quick-start sample and the labelled fixtures: no
/// greeting, closing, signature, quoted message or literal escape in a summary; no sentence twice; the median summary
/// at most 35% of its ticket over 300 characters; and, for tickets with a subject line, the summary of the body alone
/// recovering more of the subject's content words than the body's first sentence (the baseline), at no more than
/// twice its length.
/// </summary>
public sealed class SummarizerQualityTests(ITestOutputHelper output)
{
    private const int MaxChars = 240;
    private static readonly ExtractiveSummarizer Summarizer = ExtractiveSummarizer.Default;

    public static TheoryData<string> Languages() => [.. SupportedLanguages.Codes];

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_language_has_a_well_formed_balanced_fixture_file(string language)
    {
        Assert.Equal(FixtureTicket.Columns, SummarizerFixtures.Header(language));
        var fixtures = SummarizerFixtures.Read(language);

        Assert.True(fixtures.Count >= 20, $"{language}: {fixtures.Count} tickets");
        Assert.All(fixtures, f => Assert.Equal(language, f.Language));
        Assert.Equal(fixtures.Count, fixtures.Select(f => f.Id).Distinct().Count());
        Assert.All(fixtures, f => Assert.Matches($"^{language}-[0-9]{{3}}$", f.Id));
        var perCategory = fixtures.GroupBy(f => f.Category).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(9, perCategory.Count);
        Assert.Single(perCategory.Values.Distinct());
        Assert.InRange(fixtures.Count(f => f.Subject.Length == 0), 1, fixtures.Count / 2);
        Assert.InRange(fixtures.Count(f => f.Quoted.Count > 0), 2, fixtures.Count);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_annotation_is_in_its_normalised_body_and_every_quoted_message_is_gone(string language)
    {
        // The annotations are plain text; the bodies may carry escapes, tags and entities. That each greeting, closing,
        // signature and problem is found in the normalised body, and no line of a quoted message is, checks the
        // fixtures and the normaliser together; the quoted message itself is checked against a plain decoding.
        foreach (var fixture in SummarizerFixtures.Read(language))
        {
            var normal = SummaryMeasures.Collapse(TicketTextNormalizer.Default.Normalize(fixture.Body));
            foreach (var (kind, piece) in fixture.Boilerplate.Where(p => p.Kind != "quoted").Append(("problem", fixture.Problem)))
            {
                Assert.True(normal.Contains(SummaryMeasures.Collapse(piece), StringComparison.Ordinal), $"{fixture.Id}: its {kind} '{piece}' is not in\n{normal}");
            }

            var decoded = SummaryMeasures.Collapse(PlainDecode(fixture.Body));
            foreach (var quoted in fixture.Quoted)
            {
                Assert.True(decoded.Contains(SummaryMeasures.Collapse(quoted), StringComparison.Ordinal), $"{fixture.Id}: its quoted message is not in\n{decoded}");
                Assert.DoesNotContain(QuotedLines(fixture), line => SummaryMeasures.Contains(normal, line));
            }
        }
    }

    /// <summary>The labelled sets: the summarizer's own fixtures, and the held-out and training sets (their supported languages).</summary>
    public static TheoryData<string> FixtureSets() => ["fixtures", "heldout", "heldout2", "train"];

    [Theory]
    [MemberData(nameof(FixtureSets))]
    public void No_fixture_summary_holds_a_greeting_closing_signature_quoted_message_or_escape(string fixtureSet)
    {
        var leaks = new List<string>();
        foreach (var fixture in Fixtures(fixtureSet))
        {
            var summary = Summarizer.Summarize(fixture.Text, MaxChars);
            var bodySummary = Summarizer.Summarize(fixture.Body, MaxChars);
            // A piece that the customer's own text also has (a company named in the signature and in a sentence) is no leak.
            var own = OwnText(fixture);
            var boilerplate = fixture.Boilerplate.Where(p => !SummaryMeasures.Contains(own, p.Piece)).ToArray();
            foreach (var text in new[] { summary, bodySummary })
            {
                leaks.AddRange(boilerplate.Where(p => SummaryMeasures.Contains(text, p.Piece)).Select(p => $"{fixture.Id} {p.Kind} '{p.Piece}': {text}"));
                leaks.AddRange(QuotedLines(fixture).Where(line => SummaryMeasures.Contains(text, line)).Select(line => $"{fixture.Id} quoted line '{line}': {text}"));
                if (SummaryMeasures.HasEscape(text))
                {
                    leaks.Add($"{fixture.Id} escape: {text}");
                }
            }
        }

        Assert.True(leaks.Count == 0, string.Join(Environment.NewLine, leaks));
    }

    [Theory]
    [MemberData(nameof(FixtureSets))]
    public void Most_fixture_summaries_keep_the_problem_sentence_and_more_often_than_the_first_sentence_does(string fixtureSet)
    {
        var fixtures = Fixtures(fixtureSet);
        var kept = fixtures.Count(f => KeepsProblem(Summarizer.Summarize(f.Text, MaxChars), f.Problem));
        var baseline = fixtures.Count(f => KeepsProblem(SummaryMeasures.FirstSentence(f.Body), f.Problem));
        output.WriteLine($"{fixtureSet}: problem kept: summary {kept}/{fixtures.Count}, first sentence {baseline}/{fixtures.Count}");

        Assert.True(kept > baseline, $"summary {kept}, first sentence {baseline}");
        // A quarter of the held-out and training tickets are long, with the problem amid a timeline: half is the bar there.
        var minimum = fixtureSet == "fixtures" ? 0.6 : 0.5;
        Assert.True(kept >= fixtures.Count * minimum, $"{kept} of {fixtures.Count}");
    }

    public static TheoryData<string> DataSets() => ["customer-support-tickets-8469", "bitext-support-4514", "tickets-sample", "fixtures", "heldout", "heldout2"];

    [Theory]
    [MemberData(nameof(DataSets))]
    public void No_summary_repeats_a_sentence_or_keeps_an_escape(string dataSet)
    {
        var tickets = Tickets(dataSet);
        var repeats = tickets.Select(t => Summarizer.Summarize(t.Text, MaxChars)).Where(s => SummaryMeasures.RepeatsSentence(s) || SummaryMeasures.HasEscape(s)).ToArray();

        Assert.Empty(repeats);
    }

    [Theory]
    [InlineData("customer-support-tickets-8469")]
    [InlineData("tickets-sample")]
    [InlineData("fixtures")]
    [InlineData("heldout")]
    [InlineData("heldout2")]
    [InlineData("train")]
    public void The_median_summary_of_a_ticket_over_300_characters_is_at_most_35_percent_of_it(string dataSet)
    {
        var shares = Tickets(dataSet).Where(t => t.Text.Length > 300)
            .Select(t => (double)Summarizer.Summarize(t.Text, MaxChars).Length / t.Text.Length).Order().ToArray();
        Assert.NotEmpty(shares);
        var median = shares[shares.Length / 2];
        output.WriteLine($"{dataSet}: {shares.Length} tickets over 300 characters, median summary share {median:F3}");

        Assert.InRange(median, 0.01, ExtractiveSummarizer.MaxShareOfTicket);
    }

    [Theory]
    [InlineData("customer-support-tickets-8469")]
    [InlineData("tickets-sample")]
    [InlineData("fixtures")]
    [InlineData("heldout")]
    [InlineData("heldout2")]
    [InlineData("train")]
    public void The_summary_of_the_body_recovers_more_of_the_subject_than_its_first_sentence_at_no_more_than_twice_its_length(string dataSet)
    {
        var tickets = Tickets(dataSet).Select(t => (Ticket: t, Words: SummaryMeasures.ContentWords(t.Subject))).Where(p => p.Words.Count > 0).ToArray();
        Assert.NotEmpty(tickets);
        var summaries = tickets.Select(p => Summarizer.Summarize(p.Ticket.Body, MaxChars)).ToArray();
        var firsts = tickets.Select(p => SummaryMeasures.FirstSentence(p.Ticket.Body)).ToArray();

        var summaryRecall = tickets.Select((p, i) => SummaryMeasures.Recall(p.Words, summaries[i])).Average();
        var firstRecall = tickets.Select((p, i) => SummaryMeasures.Recall(p.Words, firsts[i])).Average();
        var lengthRatio = summaries.Average(s => s.Length) / firsts.Average(s => s.Length);
        output.WriteLine($"{dataSet}: {tickets.Length} tickets with a subject; recall summary {summaryRecall:F3}, first sentence {firstRecall:F3}; length ratio {lengthRatio:F2}");

        Assert.True(summaryRecall > firstRecall, $"summary {summaryRecall:F4} <= first sentence {firstRecall:F4}");
        Assert.InRange(lengthRatio, 0.5, 2.0);
    }

    [Fact]
    public void No_sample_summary_starts_with_a_greeting_or_ends_with_a_sign_off()
    {
        string[] greetings = ["Hello", "Hi ", "Hi,", "Hey", "Dear", "Good morning", "Good afternoon"];
        string[] signOffs = ["Thanks,", "Thanks!", "Thank you!", "Regards", "Best,", "Cheers", "Thanks in advance"];
        var summaries = Tickets("tickets-sample").Select(t => Summarizer.Summarize(t.Text, MaxChars)).ToArray();

        Assert.DoesNotContain(summaries, s => greetings.Any(g => s.StartsWith(g, StringComparison.Ordinal)));
        Assert.DoesNotContain(summaries, s => signOffs.Any(o => s.EndsWith(o, StringComparison.Ordinal) || s.Contains(o + " ", StringComparison.Ordinal)));
    }

    private sealed record QualityTicket(string Subject, string Body)
    {
        public string Text => Subject.Length == 0 ? Body : Subject + "\n\n" + Body;
    }

    private static IReadOnlyList<QualityTicket> Tickets(string dataSet) => dataSet switch
    {
        "customer-support-tickets-8469" => SharedData.ReadColumns(SharedData.SupportTickets, "Ticket Subject", "Ticket Description").Select(r => new QualityTicket(r[0], r[1])).ToArray(),
        "bitext-support-4514" => SharedData.ReadColumns(SharedData.Bitext, "instruction").Select(r => new QualityTicket("", r[0])).ToArray(),
        "tickets-sample" => SharedData.ReadColumnsAt(Path.Combine(TestPaths.RepositoryRoot, "samples", "tickets-sample.csv"), "subject", "body").Select(r => new QualityTicket(r[0], r[1])).ToArray(),
        _ => Fixtures(dataSet).Select(f => new QualityTicket(f.Subject, f.Body)).ToArray(),
    };

    /// <summary>The summarizer's fixtures, or the held-out or training tickets in the languages it has rules for.</summary>
    private static IReadOnlyList<FixtureTicket> Fixtures(string fixtureSet) => fixtureSet switch
    {
        "heldout" => Supported(QualityDataSets.HeldOutFolderInRepository),
        "heldout2" => Supported(QualityDataSets.SecondHeldOutFolderInRepository),
        "train" => Supported(QualityDataSets.TrainFolderInRepository),
        _ => SummarizerFixtures.All(),
    };

    private static FixtureTicket[] Supported(string folder) =>
        [.. FixtureTicket.ReadFolder(Path.Combine(TestPaths.RepositoryRoot, folder)).Where(f => SupportedLanguages.IsSupported(f.Language))];

    private static bool KeepsProblem(string summary, string problem)
    {
        var text = SummaryMeasures.Collapse(problem);
        return SummaryMeasures.Contains(summary, text) || SummaryMeasures.Contains(summary, char.ToUpperInvariant(text[0]) + text[1..]);
    }

    /// <summary>
    /// The lines of a fixture's quoted message long enough to tell (20 characters or more) that its own text does not
    /// also have ("Met vriendelijke groet," may close both): any of them in a summary is a leak too.
    /// </summary>
    private static IEnumerable<string> QuotedLines(FixtureTicket fixture)
    {
        var decoded = SummaryMeasures.Collapse(PlainDecode(fixture.Body));
        foreach (var quoted in fixture.Quoted)
        {
            var own = decoded.Replace(SummaryMeasures.Collapse(quoted), " ", StringComparison.Ordinal);
            foreach (var line in quoted.Split('\n', StringSplitOptions.TrimEntries).Select(l => SummaryMeasures.Collapse(l.TrimStart('>', ' '))))
            {
                if (line.Length >= 20 && !own.Contains(line, StringComparison.Ordinal))
                {
                    yield return line;
                }
            }
        }
    }

    /// <summary>The decoded body without its annotated greeting, closing, signature and quoted message.</summary>
    private static string OwnText(FixtureTicket fixture)
    {
        var own = SummaryMeasures.Collapse(PlainDecode(fixture.Body));
        foreach (var (_, piece) in fixture.Boilerplate.OrderByDescending(p => p.Piece.Length))
        {
            // The part itself is its last occurrence: greetings open a message, the rest close it.
            var collapsed = SummaryMeasures.Collapse(piece);
            var at = own.LastIndexOf(collapsed, StringComparison.Ordinal);
            own = at < 0 ? own : own[..at] + " | " + own[(at + collapsed.Length)..];
        }

        return own;
    }

    /// <summary>A decoding of export damage independent of the normaliser: literal "\n", line tags, entities.</summary>
    private static string PlainDecode(string body)
    {
        var text = body.Replace("\\r\\n", "\n", StringComparison.Ordinal).Replace("\\n", "\n", StringComparison.Ordinal);
        text = System.Text.RegularExpressions.Regex.Replace(text, @"<\s*(br|/?p)\s*/?\s*>", "\n", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        return System.Net.WebUtility.HtmlDecode(text).Replace('\u00A0', ' ');
    }
}
