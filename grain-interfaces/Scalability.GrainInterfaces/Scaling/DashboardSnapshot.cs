namespace Scalability.GrainInterfaces.Scaling;

/// <summary>
/// The real-time dashboard's figures (<c>scale dashboard --json</c>): the cluster's workers now, per silo, and what
/// they are doing.
/// </summary>
[GenerateSerializer, Immutable, Alias("DashboardSnapshot")]
public sealed record DashboardSnapshot(
    [property: Id(0)] DateTime TimeUtc,
    [property: Id(1)] int CurrentWorkers,
    [property: Id(2)] IReadOnlyDictionary<string, int> WorkersPerSilo,
    [property: Id(3)] double TicketsPerMinute,
    [property: Id(4)] double ErrorRatePercent,
    [property: Id(5)] double RateLimitedPercent,
    [property: Id(6)] double TicketLatencyP50Ms,
    [property: Id(7)] double TicketLatencyP95Ms,
    [property: Id(8)] double CpuPercent,
    [property: Id(9)] double MemoryPercent,
    [property: Id(10)] long Backlog,
    [property: Id(11)] AutoScalerSettings Settings,
    [property: Id(12)] string? ManualOverride,
    [property: Id(13)] DateTime? ManualUntilUtc,
    [property: Id(14)] ScalingDecision? LastDecision);
