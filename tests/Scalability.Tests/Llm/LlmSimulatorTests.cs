using System.ClientModel;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.AI;
using OpenAI;
using Scalability.LlmSimulation;

namespace Scalability.Tests.Llm;

/// <summary>The OpenAI-compatible simulator over real HTTP on loopback. No sleeps, no wall-clock asserts.</summary>
public sealed class LlmSimulatorTests
{
    private const string SystemPrompt = "Classify.";
    private const string BillingTicket = "I was charged twice on my invoice this month, please help";

    // o200k_base (gpt-4o-mini): "Classify." is 3 tokens and the ticket 12; each message adds 3 plus its role's 1, and 3
    // open the reply: 3 + (3 + 1 + 3) + (3 + 1 + 12) = 26 prompt tokens.
    private const int BillingPromptTokens = 26;

    // 26 tokens in o200k_base.
    private const string BillingContent =
        """{"category":"billing","confidence":0.88,"summary":"I was charged twice on my invoice this month, please help"}""";

    private const int BillingCompletionTokens = 26;

    private static readonly SimulatorOptions Fast = new() { Clock = new FrozenClock() };

    [Fact]
    public async Task Reply_IsAChatCompletionWithPredictableContentAndUsage()
    {
        await using var simulator = await LlmSimulator.StartAsync(Fast);
        using var http = Client(simulator);

        using var response = await Post(http, Body(BillingTicket, extra: true));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.Equal("chatcmpl-sim00000001", root.GetProperty("id").GetString());
        Assert.Equal("chat.completion", root.GetProperty("object").GetString());
        Assert.Equal(FrozenClock.Now.ToUnixTimeSeconds(), root.GetProperty("created").GetInt64());
        Assert.Equal("gpt-4o-mini", root.GetProperty("model").GetString());
        var choice = Assert.Single(root.GetProperty("choices").EnumerateArray());
        Assert.Equal(0, choice.GetProperty("index").GetInt32());
        Assert.Equal("stop", choice.GetProperty("finish_reason").GetString());
        Assert.Equal("assistant", choice.GetProperty("message").GetProperty("role").GetString());
        var content = choice.GetProperty("message").GetProperty("content").GetString();
        Assert.Equal(BillingContent, content);
        var usage = root.GetProperty("usage");
        Assert.Equal(BillingPromptTokens, usage.GetProperty("prompt_tokens").GetInt32());
        Assert.Equal(BillingCompletionTokens, usage.GetProperty("completion_tokens").GetInt32());
        Assert.Equal(BillingPromptTokens + BillingCompletionTokens, usage.GetProperty("total_tokens").GetInt32());
    }

    [Theory]
    [InlineData("Please cancel my subscription", "cancellation")]
    [InlineData("I cannot log in, I forgot my password", "account_access")]
    [InlineData("The app shows an error and then it crashes", "technical_issue")]
    [InlineData("Where is my package? The tracking page is empty", "delivery_shipping")]
    [InlineData("I want a refund for the broken kettle", "refund")]
    [InlineData("Account access is not possible since yesterday", "account_access")]
    public async Task Category_FollowsTheLastUserMessage(string ticket, string expected)
    {
        await using var simulator = await LlmSimulator.StartAsync(Fast);
        using var http = Client(simulator);

        var reply = await ContentOf(await Post(http, Body(ticket)));

        Assert.Equal(expected, reply.GetProperty("category").GetString());
        Assert.InRange(reply.GetProperty("confidence").GetDouble(), 0.80, 0.99);
        Assert.Equal(ticket, reply.GetProperty("summary").GetString());
    }

    [Fact]
    public async Task Category_WithoutAMatch_IsAStableHashOverTheConfiguredLabels_AndSummaryKeepsTwelveWords()
    {
        var options = Fast with { Categories = ["alpha", "beta", "gamma"] };
        const string ticket = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen";
        await using var first = await LlmSimulator.StartAsync(options);
        await using var second = await LlmSimulator.StartAsync(options);
        using var http1 = Client(first);
        using var http2 = Client(second);

        var a = await ContentOf(await Post(http1, Body(ticket)));
        var b = await ContentOf(await Post(http2, Body(ticket)));
        var named = await ContentOf(await Post(http1, Body("this is about Beta")));

        Assert.Contains(a.GetProperty("category").GetString(), options.Categories);
        Assert.Equal(a.GetRawText(), b.GetRawText());
        Assert.Equal("one two three four five six seven eight nine ten eleven twelve", a.GetProperty("summary").GetString());
        Assert.Equal("beta", named.GetProperty("category").GetString());
    }

    [Fact]
    public async Task Summary_UsesTheWordAllowanceTheSystemMessageGives()
    {
        await using var simulator = await LlmSimulator.StartAsync(Fast);
        using var http = Client(simulator);
        var body = new
        {
            model = "gpt-4o-mini",
            messages = new[]
            {
                new { role = "system", content = "Reply with a summary of at most 3 words." },
                new { role = "user", content = "one two three four five" },
            },
        };

        var reply = await ContentOf(await Post(http, body));

        Assert.Equal("one two three", reply.GetProperty("summary").GetString());
    }

    [Fact]
    public async Task Stats_CountEveryOutcome_AndAreServedOverHttp()
    {
        await using var simulator = await LlmSimulator.StartAsync(Fast with { ApiKey = "right" });
        using var http = Client(simulator, "right");
        using var wrong = Client(simulator, "wrong");

        for (var i = 0; i < 3; i++)
        {
            using var ok = await Post(http, Body(BillingTicket));
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using (var unauthorized = await Post(wrong, Body(BillingTicket)))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
        }

        using (var bad = await http.PostAsync("chat/completions", new StringContent("{not json", null, "application/json")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Equal("invalid_request_error", await ErrorType(bad));
        }

        var expected = new SimulatorStats(
            RequestsTotal: 5, Ok: 3, RateLimited: 0, ServerErrors: 0, Malformed: 0, Unauthorized: 1, BadRequests: 1,
            PromptTokens: 3 * BillingPromptTokens, CompletionTokens: 3 * BillingCompletionTokens);
        Assert.Equal(expected, simulator.Stats);

        var root = new Uri(simulator.BaseAddress, "/");
        using var served = JsonDocument.Parse(await http.GetStringAsync(new Uri(root, "stats")));
        Assert.Equal(5, served.RootElement.GetProperty("requestsTotal").GetInt64());
        Assert.Equal(3, served.RootElement.GetProperty("ok").GetInt64());
        Assert.Equal(1, served.RootElement.GetProperty("unauthorized").GetInt64());
        Assert.Equal(3 * BillingPromptTokens, served.RootElement.GetProperty("promptTokens").GetInt64());
        Assert.Equal(3 * BillingCompletionTokens, served.RootElement.GetProperty("completionTokens").GetInt64());
        using var health = await http.GetAsync(new Uri(root, "healthz"));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task RequestsPerSecond_ABurstOfFive_AtTwoPerSecond_GetsThree429sWithRetryAfter()
    {
        await using var simulator = await LlmSimulator.StartAsync(Fast with { RequestsPerSecond = 2 });
        using var http = Client(simulator);

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Post(http, Body(BillingTicket))));

        try
        {
            Assert.Equal(2, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
            var limited = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
            Assert.Equal(3, limited.Count);
            foreach (var response in limited)
            {
                // The bucket is empty and refills at 2/s, so one request is 500 ms away.
                Assert.Equal("1", Assert.Single(response.Headers.GetValues("Retry-After")));
                Assert.Equal(TimeSpan.FromSeconds(1), response.Headers.RetryAfter?.Delta);
                Assert.Equal("500", Assert.Single(response.Headers.GetValues("retry-after-ms")));
                Assert.Equal("rate_limit_exceeded", await ErrorType(response));
            }
        }
        finally
        {
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }

        var stats = simulator.Stats;
        Assert.Equal(5, stats.RequestsTotal);
        Assert.Equal(2, stats.Ok);
        Assert.Equal(3, stats.RateLimited);
        Assert.Equal(2 * BillingPromptTokens, stats.PromptTokens);
        Assert.Equal(2 * BillingCompletionTokens, stats.CompletionTokens);
    }

    [Fact]
    public async Task TokensPerMinute_LimitsOnPromptPlusCompletionTokens()
    {
        // Each billing request costs 26 + 26 = 52 tokens; a bucket of 120 lets two through and leaves 16. The third needs
        // 36 more at 120/60 tokens per second: 18 s.
        await using var simulator = await LlmSimulator.StartAsync(Fast with { TokensPerMinute = 120 });
        using var http = Client(simulator);

        using var first = await Post(http, Body(BillingTicket));
        using var second = await Post(http, Body(BillingTicket));
        using var third = await Post(http, Body(BillingTicket));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Equal("18", Assert.Single(third.Headers.GetValues("Retry-After")));
        Assert.Equal("18000", Assert.Single(third.Headers.GetValues("retry-after-ms")));
        Assert.Equal(2 * (BillingPromptTokens + BillingCompletionTokens), simulator.Stats.TotalTokens);
    }

    [Fact]
    public async Task ServerErrorFraction_One_AnswersEveryRequestWith5xx_AndBillsNothing()
    {
        await using var simulator = await LlmSimulator.StartAsync(Fast with { ServerErrorFraction = 1 });
        using var http = Client(simulator);

        for (var i = 0; i < 8; i++)
        {
            using var response = await Post(http, Body(BillingTicket));
            Assert.Contains(response.StatusCode, new[] { HttpStatusCode.InternalServerError, HttpStatusCode.ServiceUnavailable });
            Assert.Equal("server_error", await ErrorType(response));
        }

        Assert.Equal(
            new SimulatorStats(8, 0, 0, 8, 0, 0, 0, 0, 0),
            simulator.Stats);
    }

    [Fact]
    public async Task MalformedFraction_One_Gives200sWhoseContentIsNotJson_AndBillsThem()
    {
        await using var simulator = await LlmSimulator.StartAsync(Fast with { MalformedFraction = 1 });
        using var http = Client(simulator);

        long completionTokens = 0;
        for (var i = 0; i < 4; i++)
        {
            using var response = await Post(http, Body(BillingTicket));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var content = json.RootElement.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString()!;
            Assert.Equal(BillingContent[..(BillingContent.Length / 2)], content);
            Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(content).Dispose());
            var usage = json.RootElement.GetProperty("usage");
            Assert.Equal(BillingPromptTokens, usage.GetProperty("prompt_tokens").GetInt32());
            // The cut content, {"category":"billing","confidence":0.88,"summary":"I wa, is 15 tokens in o200k_base.
            Assert.Equal(15, usage.GetProperty("completion_tokens").GetInt32());
            completionTokens += usage.GetProperty("completion_tokens").GetInt32();
        }

        Assert.Equal(
            new SimulatorStats(4, 0, 0, 0, 4, 0, 0, 4 * BillingPromptTokens, completionTokens),
            simulator.Stats);
        Assert.Equal(4 * 15, completionTokens);
    }

    [Fact]
    public async Task ApiKey_WrongOrMissing_Gets401()
    {
        await using var simulator = await LlmSimulator.StartAsync(Fast with { ApiKey = "sk-sim" });
        using var wrong = Client(simulator, "sk-other");
        using var none = Client(simulator);
        using var right = Client(simulator, "sk-sim");

        using var wrongResponse = await Post(wrong, Body(BillingTicket));
        using var noneResponse = await Post(none, Body(BillingTicket));
        using var rightResponse = await Post(right, Body(BillingTicket));

        Assert.Equal(HttpStatusCode.Unauthorized, wrongResponse.StatusCode);
        Assert.Equal("invalid_request_error", await ErrorType(wrongResponse));
        Assert.Equal(HttpStatusCode.Unauthorized, noneResponse.StatusCode);
        Assert.Equal(HttpStatusCode.OK, rightResponse.StatusCode);
        var stats = simulator.Stats;
        Assert.Equal(2, stats.Unauthorized);
        Assert.Equal(1, stats.Ok);
        Assert.Equal(BillingPromptTokens, stats.PromptTokens);
    }

    [Fact]
    public async Task Latency_FixedIsApplied_AndUniformIsSeeded()
    {
        await using var fixedLatency = await LlmSimulator.StartAsync(Fast with { Latency = LatencyDistribution.Fixed(25) });
        using var http = Client(fixedLatency);
        using var response = await Post(http, Body(BillingTicket));
        Assert.Equal("25", Assert.Single(response.Headers.GetValues(ChatLatencyHeader)));

        var uniform = Fast with { Latency = LatencyDistribution.Uniform(0, 3), Seed = 99 };
        Assert.Equal(await LatencySequence(uniform), await LatencySequence(uniform));
        Assert.All(await LatencySequence(uniform), ms => Assert.InRange(ms, 0, 3));
    }

    [Fact]
    public async Task Outcomes_AreTheSameForTheSameSeedAndRequestOrder()
    {
        var options = Fast with { ServerErrorFraction = 0.3, MalformedFraction = 0.3, Seed = 7 };

        var first = await Outcomes(options, 12);
        var second = await Outcomes(options, 12);
        var other = await Outcomes(options with { Seed = 8 }, 12);

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public async Task OfficialOpenAiClient_ThroughMicrosoftExtensionsAI_ParsesReplyAndUsage()
    {
        await using var simulator = await LlmSimulator.StartAsync(Fast with { ApiKey = "sk-sim" });
        IChatClient client = new OpenAI.Chat.ChatClient(
                "gpt-4o-mini",
                new ApiKeyCredential("sk-sim"),
                new OpenAIClientOptions { Endpoint = simulator.BaseAddress })
            .AsIChatClient();

        var response = await client.GetResponseAsync(
            [new ChatMessage(ChatRole.System, SystemPrompt), new ChatMessage(ChatRole.User, BillingTicket)],
            new ChatOptions { Temperature = 0, MaxOutputTokens = 200, ResponseFormat = ChatResponseFormat.Json });

        Assert.Equal(BillingContent, response.Text);
        using var parsed = JsonDocument.Parse(response.Text);
        Assert.Equal("billing", parsed.RootElement.GetProperty("category").GetString());
        Assert.Equal(BillingPromptTokens, response.Usage?.InputTokenCount);
        Assert.Equal(BillingCompletionTokens, response.Usage?.OutputTokenCount);
        Assert.Equal(BillingPromptTokens + BillingCompletionTokens, response.Usage?.TotalTokenCount);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        Assert.Equal("gpt-4o-mini", response.ModelId);
        Assert.Equal(1, simulator.Stats.Ok);
    }

    private const string ChatLatencyHeader = "x-simulated-latency-ms";

    private static async Task<List<int>> LatencySequence(SimulatorOptions options)
    {
        await using var simulator = await LlmSimulator.StartAsync(options);
        using var http = Client(simulator);
        var latencies = new List<int>();
        for (var i = 0; i < 6; i++)
        {
            using var response = await Post(http, Body(BillingTicket));
            latencies.Add(int.Parse(Assert.Single(response.Headers.GetValues(ChatLatencyHeader)), CultureInfo.InvariantCulture));
        }

        return latencies;
    }

    private static async Task<List<string>> Outcomes(SimulatorOptions options, int count)
    {
        await using var simulator = await LlmSimulator.StartAsync(options);
        using var http = Client(simulator);
        var outcomes = new List<string>();
        for (var i = 0; i < count; i++)
        {
            using var response = await Post(http, Body(BillingTicket));
            if (response.StatusCode != HttpStatusCode.OK)
            {
                outcomes.Add(((int)response.StatusCode).ToString(CultureInfo.InvariantCulture));
                continue;
            }

            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var content = json.RootElement.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString();
            outcomes.Add(content == BillingContent ? "ok" : "malformed");
        }

        var stats = simulator.Stats;
        Assert.Equal(count, stats.RequestsTotal);
        Assert.Equal(outcomes.Count(o => o == "ok"), stats.Ok);
        Assert.Equal(outcomes.Count(o => o == "malformed"), stats.Malformed);
        Assert.Equal(outcomes.Count(o => o is "500" or "503"), stats.ServerErrors);
        return outcomes;
    }

    private static HttpClient Client(LlmSimulator simulator, string? apiKey = null)
    {
        var http = new HttpClient { BaseAddress = simulator.BaseAddress };
        if (apiKey is not null)
        {
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", apiKey);
        }

        return http;
    }

    private static object Body(string ticket, bool extra = false) => extra
        ? new
        {
            model = "gpt-4o-mini",
            messages = new[] { new { role = "system", content = SystemPrompt }, new { role = "user", content = ticket } },
            temperature = 0,
            max_tokens = 200,
            response_format = new { type = "json_object" },
        }
        : new
        {
            model = "gpt-4o-mini",
            messages = new[] { new { role = "system", content = SystemPrompt }, new { role = "user", content = ticket } },
        };

    private static Task<HttpResponseMessage> Post(HttpClient http, object body) => http.PostAsJsonAsync("chat/completions", body);

    private static async Task<JsonElement> ContentOf(HttpResponseMessage response)
    {
        using (response)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var content = json.RootElement.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString()!;
            using var parsed = JsonDocument.Parse(content);
            return parsed.RootElement.Clone();
        }
    }

    private static async Task<string?> ErrorType(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("error").GetProperty("type").GetString();
    }
}
