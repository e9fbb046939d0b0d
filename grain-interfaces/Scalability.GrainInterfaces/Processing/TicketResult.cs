namespace Scalability.GrainInterfaces.Processing;

/// <summary>Whether a ticket was processed.</summary>
public enum TicketStatus
{
    Ok = 0,
    Failed = 1,
}

/// <summary>Why a ticket failed, in the words the output's <c>failure_kind</c> column uses.</summary>
public enum FailureKind
{
    None = 0,
    /// <summary>Every attempt ran out of time.</summary>
    Timeout = 1,
    /// <summary>The endpoint kept answering 429 (too many requests) until the retries ran out.</summary>
    RateLimited = 2,
    /// <summary>The reply could not be read as the result asked for, even after a repair attempt.</summary>
    InvalidOutput = 3,
    /// <summary>The processor threw, or the endpoint failed in another way.</summary>
    ProcessorError = 4,
}

/// <summary>
/// What a processor made of one ticket. A failed ticket keeps its place in the output with its reason in
/// <see cref="Error"/> and <see cref="Failure"/>; it is never dropped. Tokens and cost are what was paid for this
/// ticket, including requests whose reply was unusable.
/// </summary>
/// <param name="Attempts">Requests (or calls) made for this ticket, retries and repairs included.</param>
/// <param name="RateLimited">How many of those requests were answered 429.</param>
/// <param name="Language">The ticket's language as an ISO 639-1 code (<c>en</c>, <c>de</c>, …), <c>und</c> when it could
/// not be told, or null when the processor does not say (the job then detects it).</param>
[GenerateSerializer, Immutable, Alias("TicketResult")]
public sealed record TicketResult(
    [property: Id(0)] string Category,
    [property: Id(1)] double Confidence,
    [property: Id(2)] string Summary,
    [property: Id(3)] TicketStatus Status,
    [property: Id(4)] string? Error,
    [property: Id(5)] int TokensIn = 0,
    [property: Id(6)] int TokensOut = 0,
    [property: Id(7)] decimal CostUsd = 0m,
    [property: Id(8)] FailureKind Failure = FailureKind.None,
    [property: Id(9)] int Attempts = 1,
    [property: Id(10)] int RateLimited = 0,
    [property: Id(11)] string? Language = null)
{
    public static TicketResult Failed(string error, FailureKind kind = FailureKind.ProcessorError, int attempts = 1) =>
        new("", 0, "", TicketStatus.Failed, error, Failure: kind, Attempts: attempts);

    /// <summary>The word for a failure kind in outputs and summaries: <c>timeout</c>, <c>rate_limited</c>, …</summary>
    public static string Describe(FailureKind kind) => kind switch
    {
        FailureKind.None => "",
        FailureKind.Timeout => "timeout",
        FailureKind.RateLimited => "rate_limited",
        FailureKind.InvalidOutput => "invalid_output",
        _ => "processor_error",
    };
}
