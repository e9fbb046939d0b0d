namespace Scalability.GrainInterfaces.Jobs;

/// <summary>
/// A point of a job's timeline, taken every couple of seconds while it runs: what the jobs page charts and the scaling
/// report shows. Rows and spend are those of committed chunks; the rate is over the time since the previous point.
/// </summary>
/// <param name="RunningPerSilo">Chunks of this job running on each silo: the workers it has there.</param>
/// <param name="ClusterWorkers">The cluster's worker limit (all jobs), from the AutoScaler; the figures after it too.</param>
[GenerateSerializer, Immutable, Alias("JobSample")]
public sealed record JobSample(
    [property: Id(0)] DateTime TimeUtc,
    [property: Id(1)] long ProcessedRows,
    [property: Id(2)] long Ok,
    [property: Id(3)] long Failed,
    [property: Id(4)] long Rejected,
    [property: Id(5)] double TicketsPerSecond,
    [property: Id(6)] int ChunksDone,
    [property: Id(7)] IReadOnlyDictionary<string, int> RunningPerSilo,
    [property: Id(8)] long Requests,
    [property: Id(9)] long RateLimited,
    [property: Id(10)] decimal CostUsd,
    [property: Id(11)] double? EtaSeconds,
    [property: Id(12)] int ClusterWorkers,
    [property: Id(13)] double TicketLatencyP50Ms,
    [property: Id(14)] double TicketLatencyP95Ms,
    [property: Id(15)] double CpuPercent,
    [property: Id(16)] double MemoryPercent);
