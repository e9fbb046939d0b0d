namespace Scalability.GrainInterfaces.Quality;

/// <summary>One category's rows and how sure the categorizer was of them.</summary>
/// <param name="SharePercent">Its rows as a percentage of the categorized rows, to one decimal.</param>
[GenerateSerializer, Immutable, Alias("CategoryQuality")]
public sealed record CategoryQuality(
    [property: Id(0)] string Category,
    [property: Id(1)] long Tickets,
    [property: Id(2)] double SharePercent,
    [property: Id(3)] ConfidenceQuartiles Confidence);
