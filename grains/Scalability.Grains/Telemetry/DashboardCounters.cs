using System.Diagnostics.Metrics;

namespace Scalability.Grains.Telemetry;

/// <summary>
/// The counters operators see on the Orleans Dashboard's silo page. The dashboard shows only instruments of this
/// silo's <see cref="OrleansInstruments.Meter"/>, so these repeat a few of the <see cref="ScalabilityTelemetry"/>
/// counters there, untagged (the dashboard shows one value per name). They are fed by <see cref="ChunkTelemetry"/>
/// together with the <c>Scalability</c> meter, and kept out of OpenTelemetry exports, which have the tagged originals.
/// </summary>
public sealed class DashboardCounters(OrleansInstruments instruments)
{
    public const string TicketsProcessedName = "scalability-tickets-processed";
    public const string TicketsFailedName = "scalability-tickets-failed";
    public const string ChunksCommittedName = "scalability-chunks-committed";
    public const string SpendName = "scalability-spend-microusd";
    public const string RateLimitedName = "scalability-llm-rate-limited";

    /// <summary>The names above, for the views that keep them out of OpenTelemetry exports.</summary>
    public static readonly IReadOnlySet<string> Names = new HashSet<string>(StringComparer.Ordinal)
    {
        TicketsProcessedName, TicketsFailedName, ChunksCommittedName, SpendName, RateLimitedName,
    };

    public Counter<long> TicketsProcessed { get; } = instruments.Meter.CreateCounter<long>(
        TicketsProcessedName, "{ticket}", "Tickets processed on this silo, ok or failed.");

    public Counter<long> TicketsFailed { get; } = instruments.Meter.CreateCounter<long>(
        TicketsFailedName, "{ticket}", "Tickets that failed on this silo.");

    public Counter<long> ChunksCommitted { get; } = instruments.Meter.CreateCounter<long>(
        ChunksCommittedName, "{chunk}", "Chunk attempts run on this silo whose output the job accepted.");

    /// <summary>Spend in millionths of a US dollar: the dashboard shows integers best.</summary>
    public Counter<long> SpendMicroUsd { get; } = instruments.Meter.CreateCounter<long>(
        SpendName, "{microUSD}", "Processing spend on this silo, in millionths of a US dollar.");

    public Counter<long> RateLimited { get; } = instruments.Meter.CreateCounter<long>(
        RateLimitedName, "{request}", "LLM requests answered 429 (too many requests) in the chunks committed on this silo.");
}
