using System.Diagnostics.Metrics;

namespace Scalability.Grains.Processing;

/// <summary>
/// Counters of the processors' work that the scaling loop and operators watch: requests to endpoints, how many were
/// rate limited or failed, and the tokens paid for. Published on the <c>Scalability.Processing</c> meter.
/// </summary>
public static class ProcessingMetrics
{
    public const string MeterName = "Scalability.Processing";

    private static readonly Meter Meter = new(MeterName);

    public static readonly Counter<long> Requests = Meter.CreateCounter<long>("scalability.llm.requests", description: "Requests sent to LLM endpoints, retries included.");
    public static readonly Counter<long> RateLimited = Meter.CreateCounter<long>("scalability.llm.rate_limited", description: "Requests answered 429 (too many requests).");
    public static readonly Counter<long> RequestErrors = Meter.CreateCounter<long>("scalability.llm.errors", description: "Requests that failed with a server error, a dropped connection or a timeout.");
    public static readonly Counter<long> InvalidReplies = Meter.CreateCounter<long>("scalability.llm.invalid_replies", description: "Replies that were not the JSON asked for.");
    public static readonly Counter<long> TokensIn = Meter.CreateCounter<long>("scalability.llm.tokens_in", unit: "{token}", description: "Prompt tokens billed.");
    public static readonly Counter<long> TokensOut = Meter.CreateCounter<long>("scalability.llm.tokens_out", unit: "{token}", description: "Completion tokens billed.");
}
