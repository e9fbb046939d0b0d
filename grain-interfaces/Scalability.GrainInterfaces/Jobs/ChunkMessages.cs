using Scalability.GrainInterfaces.Datasets;
using Scalability.GrainInterfaces.Processing;
using Scalability.GrainInterfaces.Quality;

namespace Scalability.GrainInterfaces.Jobs;

/// <summary>What a chunk grain is asked to do with its byte range.</summary>
public enum ChunkWork
{
    /// <summary>Read, process and write the chunk's rows.</summary>
    Process = 0,
    /// <summary>
    /// The chunk has used up its attempts: write its rows with status failed and the last error, so that no row is
    /// lost from the output.
    /// </summary>
    WriteAsFailed = 1,
}

/// <summary>A lease on one chunk, as the chunk table grants it.</summary>
/// <param name="Silo">The silo whose worker pool holds the lease (its parsable address); the attempt runs there.</param>
[GenerateSerializer, Immutable, Alias("ChunkAssignment")]
public sealed record ChunkAssignment(
    [property: Id(0)] string JobId,
    [property: Id(1)] int Index,
    [property: Id(2)] int Attempt,
    [property: Id(3)] ChunkWork Work,
    [property: Id(4)] string? FailureReason,
    [property: Id(5)] string Silo);

/// <summary>
/// Everything a chunk grain needs to do its work without calling back for it: the input (its manifest without the
/// chunk list), its own byte range, the column mapping, the processor, and where its part files go.
/// </summary>
/// <param name="TraceParent">The job's trace (a W3C <c>traceparent</c>), which the attempt's span joins; null for none.</param>
/// <param name="AllowFormulas">Whether text cells are written as they are, formulas included (see
/// <see cref="JobSpec.AllowFormulas"/>).</param>
/// <param name="ReviewBelow">The job's review threshold (see <see cref="JobSpec.ReviewBelow"/>).</param>
[GenerateSerializer, Immutable, Alias("ChunkWorkOrder")]
public sealed record ChunkWorkOrder(
    [property: Id(0)] ChunkAssignment Assignment,
    [property: Id(1)] DatasetManifest Input,
    [property: Id(2)] ChunkBounds Chunk,
    [property: Id(3)] ColumnMapping Mapping,
    [property: Id(4)] ProcessorSpec Processor,
    [property: Id(5)] string PartDirectory,
    [property: Id(6)] string? TraceParent = null,
    [property: Id(7)] bool AllowFormulas = false,
    [property: Id(8)] double ReviewBelow = JobSpec.DefaultReviewBelow);

/// <summary>
/// A chunk's committed result: its part files are in place under their final names, which follow from the job's
/// part directory, the chunk's index and the attempt (see <c>PartFiles</c>), so they are not repeated here.
/// </summary>
/// <param name="HasRejects">Whether the attempt wrote a rejects part beside its results part.</param>
/// <param name="Silo">The silo that ran the attempt (its parsable address).</param>
/// <param name="Usage">Tokens, cost and requests of the attempt's rows.</param>
/// <param name="Failures">Failed rows by kind (<c>timeout</c>, <c>rate_limited</c>, …).</param>
/// <param name="Quality">The attempt's quality figures; a review part was written beside its results part when they
/// count review rows. Null from an attempt that counted none.</param>
[GenerateSerializer, Immutable, Alias("ChunkReport")]
public sealed record ChunkReport(
    [property: Id(0)] int Index,
    [property: Id(1)] int Attempt,
    [property: Id(2)] RowCounts Counts,
    [property: Id(3)] bool HasRejects,
    [property: Id(4)] IReadOnlyDictionary<string, long> Categories,
    [property: Id(5)] double Seconds,
    [property: Id(6)] string Silo,
    [property: Id(7)] ProcessingUsage Usage,
    [property: Id(8)] IReadOnlyDictionary<string, long> Failures,
    [property: Id(9)] ChunkQuality? Quality = null);
