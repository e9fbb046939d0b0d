namespace Scalability.GrainInterfaces.Scaling;

/// <summary>
/// One silo's work over the last metrics window, as its worker pool reports it to the AutoScaler. Rates are per
/// second over the window; latencies are per ticket (a batch's duration shared by its tickets) and per chunk attempt.
/// </summary>
/// <param name="Silo">The silo's parsable address.</param>
/// <param name="WindowSeconds">How long the window is; the rates are over it.</param>
/// <param name="Workers">The silo's worker limit now.</param>
/// <param name="InFlight">Chunks running now.</param>
/// <param name="BusyWorkers">Chunks running, on average over the window.</param>
/// <param name="Tickets">Tickets processed in the window.</param>
/// <param name="FailedTickets">Of those, tickets written as failed.</param>
/// <param name="Requests">Requests made to endpoints (0 for processors that make none).</param>
/// <param name="RateLimited">Requests answered 429.</param>
/// <param name="CpuUtilization">The silo process's CPU time over the window, as a fraction of all its cores (0..1).</param>
/// <param name="MemoryBytes">The process's working set.</param>
/// <param name="MemoryLimitBytes">The memory the silo may use (its configured limit, or what the runtime sees as available).</param>
/// <param name="Cores">Processor cores of the silo's machine.</param>
[GenerateSerializer, Immutable, Alias("SiloMetrics")]
public sealed record SiloMetrics(
    [property: Id(0)] string Silo,
    [property: Id(1)] DateTime TimeUtc,
    [property: Id(2)] double WindowSeconds,
    [property: Id(3)] int Workers,
    [property: Id(4)] int InFlight,
    [property: Id(5)] double BusyWorkers,
    [property: Id(6)] long Tickets,
    [property: Id(7)] long FailedTickets,
    [property: Id(8)] long Requests,
    [property: Id(9)] long RateLimited,
    [property: Id(10)] double TicketLatencyP50Ms,
    [property: Id(11)] double TicketLatencyP95Ms,
    [property: Id(12)] double ChunkSecondsP50,
    [property: Id(13)] double ChunkSecondsP95,
    [property: Id(14)] double CpuUtilization,
    [property: Id(15)] long MemoryBytes,
    [property: Id(16)] long MemoryLimitBytes,
    [property: Id(17)] int Cores)
{
    public double TicketsPerSecond => WindowSeconds > 0 ? Tickets / WindowSeconds : 0;

    public double ErrorRate => Tickets > 0 ? (double)FailedTickets / Tickets : 0;

    public double RateLimitedRate => Requests > 0 ? (double)RateLimited / Requests : 0;
}
