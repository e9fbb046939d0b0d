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
        Assert.Equal(new TicketResult("other", 0, "", TicketStatus.Ok, null), result);
    }

    [Fact]
    public async Task Reads_every_text_field_of_a_ticket()
    {
        var processor = LocalTicketProcessor.Create(ProcessorSpec.Local);

        var results = await processor.ProcessAsync([TicketOf("1", "Order 1234", "The refund has not reached my card.")], CancellationToken.None);

        Assert.Equal("refund", results[0].Category);
        Assert.Equal("Order 1234 The refund has not reached my card.", results[0].Summary);
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
            var prediction = KeywordCategorizer.Default.Categorize(texts[i]);
            Assert.Equal(prediction.Category, results[i].Category);
            Assert.Equal(prediction.Confidence, results[i].Confidence);
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
}
