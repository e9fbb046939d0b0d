namespace Scalability.GrainInterfaces.Datasets;

/// <summary>What <c>scale analyze</c> reports about an input before any processing.</summary>
[GenerateSerializer, Immutable, Alias("DatasetAnalysis")]
public sealed record DatasetAnalysis(
    [property: Id(0)] string Path,
    [property: Id(1)] long Rows,
    [property: Id(2)] long Bytes,
    [property: Id(3)] string[] Columns,
    [property: Id(4)] string? IdColumn,
    [property: Id(5)] string[] TextColumns,
    [property: Id(6)] int ChunkSize,
    [property: Id(7)] int Chunks,
    [property: Id(8)] ResourceProfile Profile,
    [property: Id(9)] decimal EstimatedCostUsd);

/// <summary>
/// A reference configuration for datasets of a size range: workers, memory per worker, cost per ticket and the
/// expected duration.
/// </summary>
[GenerateSerializer, Immutable, Alias("ResourceProfile")]
public sealed record ResourceProfile(
    [property: Id(0)] string Name,
    [property: Id(1)] long MinRows,
    [property: Id(2)] long? MaxRows,
    [property: Id(3)] int Workers,
    [property: Id(4)] int MemoryMbPerWorker,
    [property: Id(5)] decimal CostPerTicketUsd,
    [property: Id(6)] double EstimatedDurationMinutes);
