using Scalability.Grains.Processing;

namespace Scalability.Tests.Processing;

public sealed class LocalTicketProcessorTests
{
    private static Ticket TicketOf(string id, params string[] fieldValues) =>
        new(id, long.Parse(id, System.Globalization.CultureInfo.InvariantCulture),
            fieldValues.Select((value, i) => new TicketField($"column{i}", value)).ToArray());

    [Fact]
    public async Task Returns_one_result_per_ticket_in_input_order()
    {
        var processor = LocalTicketProcessor.Create(ProcessorSpec.Local);
        Ticket[] batch =
        [
            TicketOf("1", "I was charged twice for my subscription."),
            TicketOf("2", "My package never arrived and tracking is stuck."),
            TicketOf("3", ""),
            TicketOf("4", "I can't log in, the password reset link is broken."),
            TicketOf("5", "Please cancel my plan."),
        ];

        var results = await processor.ProcessAsync(batch, CancellationToken.None);

        Assert.Equal(batch.Length, results.Count);
        Assert.Equal(["billing", "delivery_shipping", "other", "account_access", "cancellation"], results.Select(r => r.Category));
        Assert.All(results, r => Assert.Equal(TicketStatus.Ok, r.Status));
        Assert.All(results, r => Assert.Null(r.Error));
        Assert.Equal("Please cancel my plan.", results[4].Summary);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \n\t ")]
    public async Task Blank_text_is_ok_with_the_fallback_category_and_no_summary(string text)
    {
        var processor = LocalTicketProcessor.Create(ProcessorSpec.Local);

        var results = await processor.ProcessAsync([TicketOf("7", text)], CancellationToken.None);

        var result = Assert.Single(results);
        Assert.Equal(new TicketResult("other", 0, "", TicketStatus.Ok, null, Language: "und"), result);
    }

    [Fact]
    public void Every_ticket_gets_its_language_whichever_categorizer_runs()
    {
        var keywords = LocalTicketProcessor.Create(ProcessorSpec.Local);
        var ownCategories = new LocalTicketProcessor(new FixedCategorizer("vip"), summarizer: null, summaryMaxChars: 100);

        Assert.Equal(("billing", "de"), Of(keywords.Process("Hallo, meine Rechnung ist doppelt abgebucht worden.")));
        Assert.Equal(("other", "pl"), Of(keywords.Process("Dzień dobry, nie mogę się zalogować do mojego konta.")));
        Assert.Equal(0.10, keywords.Process("Dzień dobry, nie mogę się zalogować do mojego konta.").Confidence);
        Assert.Equal(("vip", "fr"), Of(ownCategories.Process("Bonjour, je voudrais annuler ma commande.")));
        Assert.Equal(("vip", "und"), Of(ownCategories.Process("12345")));

        static (string, string?) Of(TicketResult result) => (result.Category, result.Language);
    }

    private sealed class FixedCategorizer(string category) : ITicketCategorizer
    {
        public string FallbackCategory => category;

        public CategoryPrediction Categorize(string text) => new(category, 0.5);
    }

    [Fact]
    public async Task Reads_every_text_field_of_a_ticket()
    {
        var processor = LocalTicketProcessor.Create(ProcessorSpec.Local);

        var results = await processor.ProcessAsync([TicketOf("1", "Refund for order 1234", "The money has not reached my card.")], CancellationToken.None);

        // The category comes from the first field (the subject), the summary from the second: a subject line is not a summary.
        Assert.Equal("refund", results[0].Category);
        Assert.Equal("The money has not reached my card.", results[0].Summary);
    }

    [Fact]
    public async Task Results_match_the_engines_run_one_by_one_on_real_data()
    {
        var texts = SharedData.ReadColumns(SharedData.SupportTickets, "Ticket Description").Select(r => r[0]).Take(3000).ToArray();
        var batch = texts.Select((text, i) => TicketOf((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), text)).ToArray();
        var processor = LocalTicketProcessor.Create(new ProcessorSpec(SummaryMaxChars: 100));

        var results = await processor.ProcessAsync(batch, CancellationToken.None);

        Assert.Equal(batch.Length, results.Count);
        for (var i = 0; i < texts.Length; i++)
        {
            var (prediction, language) = MultilingualKeywordCategorizer.Default.CategorizeWithLanguage(texts[i]);
            Assert.Equal(prediction.Category, results[i].Category);
            Assert.Equal(prediction.Confidence, results[i].Confidence);
            Assert.Equal(language.Language, results[i].Language);
            Assert.Equal(ExtractiveSummarizer.Default.Summarize(texts[i], 100), results[i].Summary);
            Assert.InRange(results[i].Summary.Length, 1, 100);
        }
    }

    [Fact]
    public void Completes_synchronously()
    {
        var processor = LocalTicketProcessor.Create(ProcessorSpec.Local);

        var pending = processor.ProcessAsync([TicketOf("1", "The app crashes on start.")], CancellationToken.None);

        Assert.True(pending.IsCompletedSuccessfully);
    }

    [Fact]
    public void Stops_when_cancelled()
    {
        var processor = LocalTicketProcessor.Create(ProcessorSpec.Local);

        Assert.Throws<OperationCanceledException>(() =>
            processor.ProcessAsync([TicketOf("1", "text")], new CancellationToken(canceled: true)));
    }

    [Fact]
    public void Rejects_a_summary_limit_below_one()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LocalTicketProcessor.Create(new ProcessorSpec(SummaryMaxChars: 0)));
    }

    [Fact]
    public async Task Each_half_can_be_switched_off_and_leaves_its_field_empty()
    {
        var both = LocalTicketProcessor.Create(ProcessorSpec.Local);
        var categorizeOnly = LocalTicketProcessor.Create(ProcessorSpec.Local with { Summarizer = ProcessorSpec.Off });
        var summarizeOnly = LocalTicketProcessor.Create(ProcessorSpec.Local with { Categorizer = ProcessorSpec.Off });
        Ticket[] batch = [TicketOf("1", "I was charged twice for my subscription."), TicketOf("2", "")];

        var full = await both.ProcessAsync(batch, CancellationToken.None);
        var categories = await categorizeOnly.ProcessAsync(batch, CancellationToken.None);
        var summaries = await summarizeOnly.ProcessAsync(batch, CancellationToken.None);

        Assert.Equal(full.Select(r => r with { Summary = "" }), categories);
        Assert.Equal(full.Select(r => r with { Category = "", Confidence = 0 }), summaries);
    }

    [Theory]
    [InlineData("none", "none", "the local processor needs its categorizer, its summarizer or both; with neither it has nothing to do")]
    [InlineData("bayes", "extractive", "unknown categorizer 'bayes': use keywords or none")]
    [InlineData("keywords", "abstractive", "unknown summarizer 'abstractive': use extractive or none")]
    public void Unknown_or_empty_configurations_are_refused(string categorizer, string summarizer, string message)
    {
        var error = Assert.Throws<ArgumentException>(() =>
            LocalTicketProcessor.Create(ProcessorSpec.Local with { Categorizer = categorizer, Summarizer = summarizer }));

        Assert.Equal(message, error.Message);
    }
}
