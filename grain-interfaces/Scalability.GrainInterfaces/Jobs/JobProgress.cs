using Scalability.GrainInterfaces.Processing;

namespace Scalability.GrainInterfaces.Jobs;

/// <summary>A snapshot of a job for progress bars, status commands and dashboards.</summary>
/// <param name="RowsPerSilo">Rows of committed chunks by the silo that processed them (parsable silo addresses).</param>
/// <param name="Usage">Tokens, spend and requests of the committed chunks.</param>
/// <param name="BudgetUsd">The job's budget now (a resume may have raised it), or null for none.</param>
/// <param name="ProjectedCostUsd">What the job is expected to cost in the end: the spend so far plus the rows still to
/// do at the cost per row so far (before any commit, the estimate made at submission); null when unknown.</param>
/// <param name="Notice">Why the job is paused, or a warning that it will not meet its time limit; null otherwise.</param>
[GenerateSerializer, Immutable, Alias("JobProgress")]
public sealed record JobProgress(
    [property: Id(0)] string JobId,
    [property: Id(1)] JobStatus Status,
    [property: Id(2)] long InputRows,
    [property: Id(3)] long ProcessedRows,
    [property: Id(4)] RowCounts Counts,
    [property: Id(5)] int ChunksTotal,
    [property: Id(6)] int ChunksDone,
    [property: Id(7)] int ChunksRunning,
    [property: Id(8)] double ElapsedSeconds,
    [property: Id(9)] double TicketsPerSecond,
    [property: Id(10)] double? EtaSeconds,
    [property: Id(11)] string? Error,
    [property: Id(12)] IReadOnlyDictionary<string, long> RowsPerSilo,
    [property: Id(13)] ProcessingUsage Usage,
    [property: Id(14)] decimal? BudgetUsd = null,
    [property: Id(15)] decimal? ProjectedCostUsd = null,
    [property: Id(16)] string? Notice = null);
