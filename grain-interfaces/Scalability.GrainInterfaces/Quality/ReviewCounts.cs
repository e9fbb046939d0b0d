namespace Scalability.GrainInterfaces.Quality;

/// <summary>The tickets to look at by hand: those in the fallback category or under the review threshold.</summary>
/// <param name="Tickets">The rows of the review file.</param>
/// <param name="SharePercent">Those rows as a percentage of the categorized rows, to one decimal.</param>
/// <param name="BelowThreshold">Rows whose confidence is under the threshold (some may be in the fallback category too).</param>
/// <param name="InOther">Rows in the fallback category (some may be under the threshold too).</param>
/// <param name="Path">The review file, once the job has completed; null before, or when it could not be written.</param>
[GenerateSerializer, Immutable, Alias("ReviewCounts")]
public sealed record ReviewCounts(
    [property: Id(0)] long Tickets,
    [property: Id(1)] double SharePercent,
    [property: Id(2)] long BelowThreshold,
    [property: Id(3)] long InOther,
    [property: Id(4)] string? Path);
