namespace Scalability.GrainInterfaces.Costing;

/// <summary>
/// What past runs of a processor measured, to plan from instead of the reference profiles. Every figure is an average
/// over <see cref="Runs"/> finished runs.
/// </summary>
/// <param name="TicketsPerSecondPerWorker">Tickets per second that one busy worker processed.</param>
/// <param name="MemoryMbPerWorker">Peak working memory per busy worker, in MB.</param>
/// <param name="ProcessorCostPerTicketUsd">What the processor itself cost per ticket (tokens for the llm processor,
/// retries and repairs included), without compute and memory; null when not measured.</param>
/// <param name="Runs">How many runs the figures rest on; the projection's range narrows as they grow.</param>
[GenerateSerializer, Immutable, Alias("MeasuredProfile")]
public sealed record MeasuredProfile(
    [property: Id(0)] double TicketsPerSecondPerWorker,
    [property: Id(1)] int MemoryMbPerWorker,
    [property: Id(2)] decimal? ProcessorCostPerTicketUsd,
    [property: Id(3)] int Runs);
