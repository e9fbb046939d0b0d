using Scalability.Grains.Processing.Llm;

namespace Scalability.Tests.Llm;

public sealed class LlmPromptTests
{
    private static readonly LlmPrompt Prompt = new(["billing", "refund", "other"], summaryMaxWords: 5);

    [Fact]
    public void The_instructions_name_every_category_and_the_summary_limit()
    {
        var system = Prompt.Request("where is my money").First().Text;

        Assert.Contains("Categories: billing, refund, other.", system);
        Assert.Contains("at most 5 words", system);
        Assert.Equal("where is my money", Prompt.Request("where is my money").Last().Text);
    }

    [Theory]
    [InlineData("""{"category":"refund","confidence":0.9,"summary":"wants money back"}""", "refund", 0.9, "wants money back")]
    [InlineData("""{"category":"REFUND ","confidence":1,"summary":"wants money back"}""", "refund", 1.0, "wants money back")]
    [InlineData("```json\n{\"category\":\"billing\",\"confidence\":0,\"summary\":\"s\"}\n```", "billing", 0.0, "s")]
    [InlineData("""{"category":"other","confidence":0.5,"summary":"one two three four five six seven"}""", "other", 0.5, "one two three four five")]
    public void A_reply_of_the_asked_form_is_read_with_its_category_in_the_taxonomys_spelling(
        string reply, string category, double confidence, string summary)
    {
        Assert.True(Prompt.TryRead(reply, out var answer, out var problem), problem);
        Assert.Equal(new LlmAnswer(category, confidence, summary), answer);
    }

    [Theory]
    [InlineData("", "the reply was empty")]
    [InlineData("""{"category":"billing","confidence":0.9,"summ""", "it is not valid JSON")]
    [InlineData("""["billing"]""", "it is not a JSON object")]
    [InlineData("""{"confidence":0.9,"summary":"x"}""", "\"category\" is missing or not a string")]
    [InlineData("""{"category":"shipping","confidence":0.9,"summary":"x"}""", "\"category\" is 'shipping', which is not one of: billing, refund, other")]
    [InlineData("""{"category":"billing","confidence":"high","summary":"x"}""", "\"confidence\" is missing or not a number between 0 and 1")]
    [InlineData("""{"category":"billing","confidence":1.5,"summary":"x"}""", "\"confidence\" is missing or not a number between 0 and 1")]
    [InlineData("""{"category":"billing","confidence":0.5}""", "\"summary\" is missing or not a string")]
    public void An_unusable_reply_is_refused_with_what_is_wrong(string reply, string expected)
    {
        Assert.False(Prompt.TryRead(reply, out _, out var problem));
        Assert.StartsWith(expected, problem);
    }

    [Fact]
    public void The_repair_request_carries_the_bad_reply_and_the_problem()
    {
        var request = Prompt.Request("ticket");
        var repair = Prompt.Repair(request, "{bad", "it is not valid JSON");

        Assert.Equal(4, repair.Count);
        Assert.Equal("{bad", repair[2].Text);
        Assert.StartsWith("That reply could not be used: it is not valid JSON.", repair[3].Text);
    }

    [Fact]
    public void A_taxonomy_needs_two_distinct_categories()
    {
        Assert.Contains("at least two", Assert.Throws<ArgumentException>(() => new LlmPrompt(["only"], 5)).Message);
        Assert.Contains("'Billing'", Assert.Throws<ArgumentException>(() => new LlmPrompt(["billing", "Billing"], 5)).Message);
    }
}
