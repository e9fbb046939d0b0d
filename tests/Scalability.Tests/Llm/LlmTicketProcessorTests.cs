using Scalability.Grains.Processing;
using Scalability.Grains.Processing.Llm;
using Scalability.LlmSimulation;

namespace Scalability.Tests.Llm;

/// <summary>The llm processor against the simulated endpoint over real HTTP: results, failure kinds, tokens and cost.</summary>
public sealed class LlmTicketProcessorTests
{
    private const decimal InputPrice = 0.15m;
    private const decimal OutputPrice = 0.60m;

    private static readonly Ticket[] Tickets =
    [
        Ticket(1, "I was charged twice on my invoice this month"),
        Ticket(2, "Please cancel my subscription from next month"),
        Ticket(3, "The app shows an error and crashes at start"),
        Ticket(4, "Where is my package? The tracking has not moved"),
    ];

    [Fact]
    public async Task Every_ticket_gets_the_models_category_and_summary_and_the_tokens_it_was_billed()
    {
        await using var simulator = await LlmSimulator.StartAsync(new SimulatorOptions());

        var results = await Process(simulator, Settings(simulator), Tickets);

        Assert.Equal(["billing", "cancellation", "technical_issue", "delivery_shipping"], results.Select(r => r.Category));
        Assert.All(results, r => Assert.Equal((TicketStatus.Ok, FailureKind.None, 1, 0), (r.Status, r.Failure, r.Attempts, r.RateLimited)));
        Assert.Equal("I was charged twice on my invoice this month", results[0].Summary);
        var stats = simulator.Stats;
        Assert.Equal(stats.PromptTokens, results.Sum(r => r.TokensIn));
        Assert.Equal(stats.CompletionTokens, results.Sum(r => r.TokensOut));
        Assert.Equal((stats.PromptTokens * InputPrice + stats.CompletionTokens * OutputPrice) / 1_000_000m, results.Sum(r => r.CostUsd));
    }

    [Fact]
    public async Task A_reply_that_stays_malformed_after_its_repair_fails_the_ticket_as_invalid_output_and_is_still_paid_for()
    {
        await using var simulator = await LlmSimulator.StartAsync(new SimulatorOptions { MalformedFraction = 1 });

        var results = await Process(simulator, Settings(simulator), Tickets[..2]);

        Assert.All(results, r =>
        {
            Assert.Equal((TicketStatus.Failed, FailureKind.InvalidOutput, 2), (r.Status, r.Failure, r.Attempts));
            Assert.StartsWith("the reply could not be used, even after a repair request: it is not valid JSON", r.Error);
        });
        Assert.Equal(4, simulator.Stats.Malformed);
        Assert.Equal(simulator.Stats.PromptTokens, results.Sum(r => r.TokensIn));
        Assert.Equal(simulator.Stats.CompletionTokens, results.Sum(r => r.TokensOut));
    }

    [Fact]
    public async Task Server_errors_are_retried_until_the_attempts_run_out_then_the_ticket_fails_as_processor_error()
    {
        await using var simulator = await LlmSimulator.StartAsync(new SimulatorOptions { ServerErrorFraction = 1 });

        var result = Assert.Single(await Process(simulator, Settings(simulator) with { MaxAttempts = 3 }, Tickets[..1]));

        Assert.Equal((TicketStatus.Failed, FailureKind.ProcessorError, 3, 0), (result.Status, result.Failure, result.Attempts, result.TokensIn));
        Assert.StartsWith("the endpoint failed 3 times; last: ", result.Error);
        Assert.Equal(3, simulator.Stats.ServerErrors);
    }

    [Fact]
    public async Task Transient_errors_are_retried_away_and_only_twice_malformed_replies_fail()
    {
        await using var simulator = await LlmSimulator.StartAsync(new SimulatorOptions { ServerErrorFraction = 0.3, MalformedFraction = 0.2, Seed = 3 });
        var tickets = Enumerable.Range(1, 60).Select(i => Ticket(i, $"Ticket {i}: my invoice shows a charge I do not know")).ToArray();

        var results = await Process(simulator, Settings(simulator) with { MaxAttempts = 10 }, tickets);

        // No server error survives ten attempts here; a ticket fails only when its reply and its repair were both malformed.
        Assert.All(results.Where(r => r.Status == TicketStatus.Failed), r => Assert.Equal(FailureKind.InvalidOutput, r.Failure));
        Assert.Contains(results, r => r.Status == TicketStatus.Ok && r.Attempts > 1);
        var stats = simulator.Stats;
        Assert.Equal(stats.RequestsTotal, results.Sum(r => r.Attempts));
        Assert.True(stats.ServerErrors > 0 && stats.Malformed > 0, $"{stats.ServerErrors} errors, {stats.Malformed} malformed");
        Assert.Equal(stats.PromptTokens, results.Sum(r => r.TokensIn));
        Assert.Equal(stats.CompletionTokens, results.Sum(r => r.TokensOut));
    }

    [Fact]
    public async Task A_429_is_retried_when_the_endpoint_says_and_counted()
    {
        // Two requests a second, a bucket of two: the four tickets in a row must wait for tokens.
        await using var simulator = await LlmSimulator.StartAsync(new SimulatorOptions { RequestsPerSecond = 2 });

        var results = await Process(simulator, Settings(simulator) with { RetryBaseDelaySeconds = 0 }, Tickets);

        Assert.All(results, r => Assert.Equal(TicketStatus.Ok, r.Status));
        var stats = simulator.Stats;
        Assert.True(stats.RateLimited > 0, "the rate limit was never hit");
        Assert.Equal(stats.RateLimited, results.Sum(r => r.RateLimited));
        Assert.Equal(stats.RequestsTotal, results.Sum(r => r.Attempts));
    }

    [Fact]
    public async Task A_ticket_still_rate_limited_when_its_attempts_run_out_fails_as_rate_limited()
    {
        await using var simulator = await LlmSimulator.StartAsync(new SimulatorOptions { RequestsPerSecond = 1, Clock = new FrozenClock() });

        var results = await Process(simulator, Settings(simulator) with { MaxAttempts = 1 }, Tickets[..3]);

        Assert.Equal(TicketStatus.Ok, results[0].Status);
        Assert.All(results.Skip(1), r =>
        {
            Assert.Equal((TicketStatus.Failed, FailureKind.RateLimited, 1, 1), (r.Status, r.Failure, r.Attempts, r.RateLimited));
            Assert.Equal("still rate limited (429) after 1 attempts", r.Error);
        });
    }

    [Fact]
    public async Task A_request_that_outlives_its_timeout_is_retried_then_fails_as_timeout()
    {
        await using var simulator = await LlmSimulator.StartAsync(new SimulatorOptions { Latency = LatencyDistribution.Fixed(5_000) });

        var result = Assert.Single(await Process(simulator, Settings(simulator) with { RequestTimeoutSeconds = 0.2, MaxAttempts = 2 }, Tickets[..1]));

        Assert.Equal((TicketStatus.Failed, FailureKind.Timeout, 2), (result.Status, result.Failure, result.Attempts));
        Assert.Equal("no reply within 0.2 s, 2 times", result.Error);
    }

    [Fact]
    public async Task A_refused_api_key_fails_the_batch_instead_of_every_ticket_and_the_key_is_not_in_the_message()
    {
        await using var simulator = await LlmSimulator.StartAsync(new SimulatorOptions { ApiKey = "sk-right" });
        var variable = "SCALE_TEST_KEY_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(variable, "sk-wrong-secret");
        try
        {
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
                Process(simulator, Settings(simulator) with { ApiKeyVariable = variable }, Tickets[..1]));

            Assert.StartsWith("the endpoint refused the request (401)", error.Message);
            Assert.DoesNotContain("sk-wrong-secret", error.ToString());
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public void Settings_are_checked_with_the_options_names()
    {
        var good = new LlmSettings("http://127.0.0.1:1/v1/", "gpt-4o-mini");

        Assert.StartsWith("--llm-endpoint must be an http or https address",
            Assert.Throws<ArgumentException>(() => LlmProcessorFactory.Validate(Spec(good with { Endpoint = "localhost:1" }))).Message);
        Assert.Equal("--llm-max-attempts must be at least 1 (got 0)",
            Assert.Throws<ArgumentException>(() => LlmProcessorFactory.Validate(Spec(good with { MaxAttempts = 0 }))).Message);
        Assert.Equal("the llm processor needs --llm-endpoint and --llm-model",
            Assert.Throws<ArgumentException>(() => LlmProcessorFactory.Validate(new ProcessorSpec(ProcessorSpec.LlmKind))).Message);
    }

    internal static LlmSettings Settings(LlmSimulator simulator) =>
        new(simulator.BaseAddress.ToString(), "gpt-4o-mini", InputUsdPerMillion: InputPrice, OutputUsdPerMillion: OutputPrice,
            RetryBaseDelaySeconds: 0.001);

    private static ProcessorSpec Spec(LlmSettings settings) => new(ProcessorSpec.LlmKind, Llm: settings);

    private static async Task<IReadOnlyList<TicketResult>> Process(LlmSimulator simulator, LlmSettings settings, IReadOnlyList<Ticket> tickets)
    {
        var processor = new LlmProcessorFactory().Create(Spec(settings), new ChunkAssignment("job", 0, 1, ChunkWork.Process, null, "silo"));
        return await processor.ProcessAsync(tickets, CancellationToken.None);
    }

    private static Ticket Ticket(int id, string text) => new(id.ToString(System.Globalization.CultureInfo.InvariantCulture), id, [new TicketField("text", text)]);
}
