namespace Scalability.GrainInterfaces.Datasets;

/// <summary>What <c>scale analyze</c> reports about an input before any processing.</summary>
/// <param name="IdChoice">How the id column was chosen; null when there is none.</param>
/// <param name="TextChoices">How each text column was chosen, in the order of <paramref name="TextColumns"/>.</param>
/// <param name="NotRead">Other columns of free text, found but not read.</param>
/// <param name="SampledRecords">The records the column profiles were made from (the first ones of the file).</param>
/// <param name="ColumnKinds">What was found in each column, in the header's order.</param>
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
    [property: Id(9)] decimal EstimatedCostUsd,
    [property: Id(10)] ColumnChoice? IdChoice = null,
    [property: Id(11)] ColumnChoice[]? TextChoices = null,
    [property: Id(12)] ColumnChoice[]? NotRead = null,
    [property: Id(13)] int SampledRecords = 0,
    [property: Id(14)] ColumnFinding[]? ColumnKinds = null);

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
