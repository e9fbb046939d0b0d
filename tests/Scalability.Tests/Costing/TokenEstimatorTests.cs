using Microsoft.Extensions.AI;
using Scalability.GrainInterfaces.Costing;
using Scalability.Grains.Costing;
using Scalability.Grains.Ingest;
using Scalability.Grains.Processing;
using Scalability.Grains.Processing.Llm;
using Scalability.Tests.Support;

namespace Scalability.Tests.Costing;

public sealed class TokenEstimatorTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("gpt-4o-mini", "o200k_base")]
    [InlineData("gpt-4.1-nano", "o200k_base")]
    [InlineData("house-model", "o200k_base")]
    [InlineData("gpt-4", "cl100k_base")]
    [InlineData("gpt-3.5-turbo", "cl100k_base")]
    public void Each_model_is_counted_with_its_encoding(string model, string encoding) =>
        Assert.Equal(encoding, ChatTokenCounter.ForModel(model).Encoding);

    [Fact]
    public void A_chat_prompt_is_its_messages_text_plus_the_chat_formats_framing()
    {
        var counter = ChatTokenCounter.ForModel("gpt-4o-mini");

        var tokens = counter.CountChat([new ChatMessage(ChatRole.System, "Classify."), new ChatMessage(ChatRole.User, "I was charged twice on my invoice this month, please help")]);

        // "Classify." is 3 tokens, the ticket 12, each role 1; 3 per message and 3 for the reply.
        Assert.Equal(26, tokens);
    }

    [Fact]
    public void Prompt_tokens_are_those_of_the_real_prompt_and_blank_tickets_are_left_out()
    {
        var counter = ChatTokenCounter.ForModel("gpt-4o-mini");
        var prompt = new LlmPrompt(SupportTaxonomy.Default.CategoryNames, 40);
        string[] texts = ["My parcel never arrived and the tracking page is empty.", "", "  ", "Please refund the second charge on my card, it was a mistake."];

        var estimate = TokenEstimator.Estimate(texts, prompt, counter, 256, population: 1_000);

        var expected = (counter.CountChat(prompt.Request(texts[0])) + counter.CountChat(prompt.Request(texts[3]))) / 2.0;
        Assert.Equal(expected, estimate.InputTokensMean, 9);
        Assert.Equal(0.5, estimate.BlankShare);
        Assert.Equal(4, estimate.SampleSize);
        Assert.True(estimate.InputTokensLow < expected && expected < estimate.InputTokensHigh);
    }

    [Fact]
    public void Completion_tokens_follow_the_reply_shape_and_the_summary_allowance()
    {
        var counter = ChatTokenCounter.ForModel("gpt-4o-mini");
        var prompt = new LlmPrompt(["billing", "other"], 5);
        const string ticket = "one two three four five six seven eight nine ten";

        var estimate = TokenEstimator.Estimate([ticket], prompt, counter, 256, population: 1);

        // The mean category's JSON around a summary of the allowance (5 words) in the ticket's words.
        var skeleton = (counter.Count(TokenEstimator.Reply("billing", "")) + counter.Count(TokenEstimator.Reply("other", ""))) / 2.0;
        Assert.Equal(skeleton + counter.Count("one two three four five"), estimate.OutputTokensMean, 9);
        Assert.True(estimate.OutputTokensLow < estimate.OutputTokensMean);
        Assert.True(estimate.OutputTokensHigh >= estimate.OutputTokensMean);
        // One ticket is the whole population: no sampling error in the prompt.
        Assert.Equal((estimate.InputTokensMean, estimate.InputTokensMean), (estimate.InputTokensLow, estimate.InputTokensHigh));
    }

    [Fact]
    public void A_reply_is_never_estimated_past_the_output_token_limit()
    {
        var counter = ChatTokenCounter.ForModel("gpt-4o-mini");
        var prompt = new LlmPrompt(["billing", "other"], 400);
        var ticket = string.Join(' ', Enumerable.Range(0, 500).Select(i => $"word{i}"));

        var estimate = TokenEstimator.Estimate([ticket], prompt, counter, maxOutputTokens: 50, population: 10);

        Assert.Equal(50, estimate.OutputTokensMean);
        Assert.Equal(50, estimate.OutputTokensHigh);
    }

    [Fact]
    public void The_sample_of_an_input_is_evenly_spread_the_same_every_time_and_read_with_the_ingest()
    {
        var input = _temp.File("tickets.csv");
        File.WriteAllText(input, "id,text\n" + string.Concat(Enumerable.Range(1, 100).Select(i => $"{i},\"ticket number {i}\"\n")));

        var first = TicketSample.Read(input, null, null, sampleSize: 10);
        var second = TicketSample.Read(input, null, null, sampleSize: 10);

        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"ticket number {i * 10 + 6}"), first.Texts);
        Assert.Equal(first.Texts, second.Texts);
        Assert.Equal(100, first.Dataset.Rows);
        Assert.Equal(new FileInfo(input).Length, first.Dataset.Bytes);
        Assert.Equal(Enumerable.Range(1, 100).Average(i => $"ticket number {i}".Length), first.Dataset.AverageTicketChars, 9);
    }

    [Fact]
    public void A_sample_larger_than_the_input_takes_every_ticket()
    {
        var input = _temp.File("few.csv");
        File.WriteAllText(input, "id,text\n1,a\n2,b\n3,c\n");

        Assert.Equal(["a", "b", "c"], TicketSample.Read(input, null, null, sampleSize: 400).Texts);
    }

    [Fact]
    public void An_input_that_cannot_be_read_is_refused_with_its_name()
    {
        var missing = _temp.File("missing.csv");

        var error = Assert.Throws<InputException>(() => TicketSample.Read(missing, null, null, 10));

        Assert.StartsWith(missing, error.Message);
    }

    [Fact]
    public void Synthetic_tickets_stand_for_a_dataset_that_is_not_at_hand()
    {
        var sample = TicketSample.Synthetic(100_000, sampleSize: 50);

        Assert.Equal(50, sample.Texts.Length);
        Assert.Equal(100_000, sample.Dataset.Rows);
        Assert.True(sample.Dataset.AverageTicketChars > 50);
        Assert.Equal(sample.Texts, TicketSample.Synthetic(100_000, sampleSize: 50).Texts);
    }
}
