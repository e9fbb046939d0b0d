namespace Scalability.GrainInterfaces.Quality;

/// <summary>
/// The quality figures of one chunk attempt, counted as its rows were written: they travel in its
/// <see cref="Jobs.ChunkReport"/> and the job adds them up once, at the chunk's first accepted commit, so that a retried
/// or duplicated attempt never counts twice.
/// </summary>
/// <param name="Confidences">Per category, the ok rows by their confidence as the results file writes it, in
/// thousandths (0 to 1000): a histogram exact for the written values, from which quartiles are read.</param>
/// <param name="Languages">Output rows by their language column; an empty one counts as <see cref="UnknownLanguage"/>.</param>
/// <param name="Review">Rows written to the review part: in the fallback category, under the review threshold, or both.</param>
/// <param name="BelowThreshold">Of those, the rows whose confidence is under the threshold.</param>
/// <param name="InOther">Of those, the rows in the fallback category.</param>
[GenerateSerializer, Immutable, Alias("ChunkQuality")]
public sealed record ChunkQuality(
    [property: Id(0)] IReadOnlyDictionary<string, IReadOnlyDictionary<int, long>> Confidences,
    [property: Id(1)] IReadOnlyDictionary<string, long> Languages,
    [property: Id(2)] long Review,
    [property: Id(3)] long BelowThreshold,
    [property: Id(4)] long InOther)
{
    /// <summary>The language of a row whose processor named none.</summary>
    public const string UnknownLanguage = "unknown";

    /// <summary>Confidences are counted in steps of this much: the precision of the results file's column.</summary>
    public const int Scale = 1000;
}
