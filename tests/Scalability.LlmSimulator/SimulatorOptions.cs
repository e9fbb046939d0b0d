namespace Scalability.LlmSimulation;

/// <summary>
/// How long the simulator waits before a reply: a fixed delay, or a delay drawn uniformly from [MinMs, MaxMs] with the
/// simulator's seeded random source (so the sequence of delays is the same for a given seed and request order).
/// </summary>
public sealed record LatencyDistribution
{
    private LatencyDistribution(int minMs, int maxMs)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(minMs);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMs, minMs);
        MinMs = minMs;
        MaxMs = maxMs;
    }

    /// <summary>No delay at all.</summary>
    public static LatencyDistribution None { get; } = new(0, 0);

    public int MinMs { get; }

    public int MaxMs { get; }

    public bool IsFixed => MinMs == MaxMs;

    public static LatencyDistribution Fixed(int ms) => new(ms, ms);

    public static LatencyDistribution Uniform(int minMs, int maxMs) => new(minMs, maxMs);

    /// <summary>Draws one delay in whole milliseconds; a fixed distribution draws nothing from <paramref name="random"/>.</summary>
    internal int Sample(Random random) => IsFixed ? MinMs : random.Next(MinMs, MaxMs + 1);

    public override string ToString() => IsFixed ? $"{MinMs}ms" : $"{MinMs}..{MaxMs}ms";
}

/// <summary>What the simulated OpenAI-compatible endpoint does. All defaults give a fast, always-successful endpoint.</summary>
public sealed record SimulatorOptions
{
    public static IReadOnlyList<string> DefaultCategories { get; } =
    [
        "billing", "refund", "cancellation", "account_access", "technical_issue", "delivery_shipping",
        "product_question", "feedback", "other",
    ];

    /// <summary>Delay applied to every request that gets a reply (after the rate-limit and injected-error decisions).</summary>
    public LatencyDistribution Latency { get; init; } = LatencyDistribution.None;

    /// <summary>Request rate limit as a token bucket holding max(1, RequestsPerSecond) requests; null = unlimited.</summary>
    public double? RequestsPerSecond { get; init; }

    /// <summary>
    /// Token rate limit as a token bucket holding TokensPerMinute tokens, refilled at TokensPerMinute / 60 per second;
    /// a request costs its prompt tokens plus the completion tokens of its well-formed reply. Null = unlimited.
    /// </summary>
    public int? TokensPerMinute { get; init; }

    /// <summary>Fraction (0..1) of admitted requests answered 500 or 503 with an OpenAI-style error body.</summary>
    public double ServerErrorFraction { get; init; }

    /// <summary>Fraction (0..1) of replies that are a 200 whose message content is truncated, so not valid JSON.</summary>
    public double MalformedFraction { get; init; }

    /// <summary>Seed of the random source behind injected errors, malformed replies and uniform latency.</summary>
    public int Seed { get; init; } = 12345;

    /// <summary>When set, requests need <c>Authorization: Bearer &lt;ApiKey&gt;</c>, else they get a 401.</summary>
    public string? ApiKey { get; init; }

    /// <summary>Keep the last user message of every request with a valid body, for tests that check what was asked.</summary>
    public bool RecordUserMessages { get; init; }

    /// <summary>The labels the simulator may answer with, in matching order.</summary>
    public IReadOnlyList<string> Categories { get; init; } = DefaultCategories;

    /// <summary>
    /// Clock behind the rate-limit buckets and the <c>created</c> field. Tests may pass a frozen clock so that buckets do
    /// not refill between requests. Latency always waits real time.
    /// </summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    internal void Validate()
    {
        if (RequestsPerSecond is { } rps && !(rps > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(RequestsPerSecond), rps, "must be positive or null");
        }

        if (TokensPerMinute is { } tpm && tpm <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(TokensPerMinute), tpm, "must be positive or null");
        }

        if (ServerErrorFraction is < 0 or > 1 || double.IsNaN(ServerErrorFraction))
        {
            throw new ArgumentOutOfRangeException(nameof(ServerErrorFraction), ServerErrorFraction, "must be in 0..1");
        }

        if (MalformedFraction is < 0 or > 1 || double.IsNaN(MalformedFraction))
        {
            throw new ArgumentOutOfRangeException(nameof(MalformedFraction), MalformedFraction, "must be in 0..1");
        }

        if (Categories is null || Categories.Count == 0 || Categories.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("at least one non-empty category is needed", nameof(Categories));
        }

        ArgumentNullException.ThrowIfNull(Latency);
        ArgumentNullException.ThrowIfNull(Clock);
    }
}
