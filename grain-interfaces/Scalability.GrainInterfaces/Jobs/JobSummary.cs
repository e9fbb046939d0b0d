namespace Scalability.GrainInterfaces.Jobs;

/// <summary>The outcome of a finished job, as written to the summary file and printed by <c>scale run --json</c>.</summary>
/// <param name="RowsPerSilo">Rows of committed chunks by the silo that processed them (parsable silo addresses).</param>
[GenerateSerializer, Immutable, Alias("JobSummary")]
public sealed record JobSummary(
    [property: Id(0)] string JobId,
    [property: Id(1)] JobStatus Status,
    [property: Id(2)] string InputPath,
    [property: Id(3)] long InputRows,
    [property: Id(4)] long Ok,
    [property: Id(5)] long Failed,
    [property: Id(6)] long Rejected,
    [property: Id(7)] string? OutputPath,
    [property: Id(8)] string? RejectsPath,
    [property: Id(9)] double DurationSeconds,
    [property: Id(10)] double TicketsPerSecond,
    [property: Id(11)] int Chunks,
    [property: Id(12)] int ChunkRetries,
    [property: Id(13)] string? IdColumn,
    [property: Id(14)] string[] TextColumns,
    [property: Id(15)] IReadOnlyDictionary<string, long> Categories,
    [property: Id(16)] string? Error,
    [property: Id(17)] IReadOnlyDictionary<string, long> RowsPerSilo);
