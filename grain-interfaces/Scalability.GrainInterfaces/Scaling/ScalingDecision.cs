namespace Scalability.GrainInterfaces.Scaling;

/// <summary>
/// One change of the cluster's workers, as the AutoScaler records it: when, from what to what, each silo's new
/// limit, why in words, and the figures it saw.
/// </summary>
/// <param name="Manual">Set by <c>scale scale</c> / <see cref="IAutoScalerGrain.ManualScale"/> rather than by the loop.</param>
/// <param name="Seen">The cluster's metrics the decision was made on.</param>
[GenerateSerializer, Immutable, Alias("ScalingDecision")]
public sealed record ScalingDecision(
    [property: Id(0)] DateTime TimeUtc,
    [property: Id(1)] int FromWorkers,
    [property: Id(2)] int ToWorkers,
    [property: Id(3)] IReadOnlyDictionary<string, int> PerSilo,
    [property: Id(4)] string Reason,
    [property: Id(5)] bool Manual,
    [property: Id(6)] ClusterMetrics Seen);

/// <summary>The silos' latest metrics summed (counts, rates) or weighted by tickets (latencies) over the cluster.</summary>
[GenerateSerializer, Immutable, Alias("ClusterMetrics")]
public sealed record ClusterMetrics(
    [property: Id(0)] int Silos,
    [property: Id(1)] int Workers,
    [property: Id(2)] int InFlight,
    [property: Id(3)] double BusyWorkers,
    [property: Id(4)] double TicketsPerSecond,
    [property: Id(5)] double TicketLatencyP50Ms,
    [property: Id(6)] double TicketLatencyP95Ms,
    [property: Id(7)] double ErrorRate,
    [property: Id(8)] double RateLimitedRate,
    [property: Id(9)] double CpuUtilization,
    [property: Id(10)] double MemoryUtilization,
    [property: Id(11)] long Backlog,
    [property: Id(12)] int Cores)
{
    public static ClusterMetrics Empty { get; } = new(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}
