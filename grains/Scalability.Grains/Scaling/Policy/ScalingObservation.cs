using System.Globalization;

namespace Scalability.Grains.Scaling.Policy;

/// <summary>What the control loop saw over the last window, summed or averaged over the cluster.</summary>
/// <param name="Workers">The cluster's current worker limit (the sum over silos).</param>
/// <param name="BusyWorkers">Workers with a chunk in flight, averaged over the window.</param>
/// <param name="TicketsPerSecond">Tickets finished per second (successfully processed).</param>
/// <param name="TicketLatencyP50Ms">Median time to process one ticket.</param>
/// <param name="TicketLatencyP95Ms">95th percentile time to process one ticket.</param>
/// <param name="ErrorRate">Failed requests or rows over all, 0..1.</param>
/// <param name="RateLimitedRate">429 answers over requests, 0..1.</param>
/// <param name="CpuUtilization">Process CPU as a share of the cluster's cores, 0..1.</param>
/// <param name="MemoryUtilization">Working set over the memory limit, 0..1; 0 when there is no limit.</param>
/// <param name="Backlog">Chunks waiting to be leased across unfinished jobs.</param>
/// <param name="Cores">Processor cores across the cluster's silos.</param>
public sealed record ScalingObservation(
    int Workers,
    int BusyWorkers,
    double TicketsPerSecond,
    double TicketLatencyP50Ms,
    double TicketLatencyP95Ms,
    double ErrorRate,
    double RateLimitedRate,
    double CpuUtilization,
    double MemoryUtilization,
    long Backlog,
    int Cores)
{
    /// <summary>The figures in one line, for a decision record.</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{Workers} workers ({BusyWorkers} busy), {TicketsPerSecond:0.#} tickets/s, p50 {TicketLatencyP50Ms:0.#} ms, p95 {TicketLatencyP95Ms:0.#} ms, errors {100 * ErrorRate:0.0}%, 429s {100 * RateLimitedRate:0.0}%, CPU {100 * CpuUtilization:0}%, memory {100 * MemoryUtilization:0}%, backlog {Backlog} chunks, {Cores} cores");
}
