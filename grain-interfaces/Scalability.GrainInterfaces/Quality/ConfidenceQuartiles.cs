namespace Scalability.GrainInterfaces.Quality;

/// <summary>
/// Where the confidences of a set of rows lie: the lowest, the quartiles and the highest, as the results file writes
/// them (three decimals). A quartile is the nearest-rank one: the value at rank ⌈p·n⌉ of the n values sorted, so it is
/// always a confidence that some row has.
/// </summary>
[GenerateSerializer, Immutable, Alias("ConfidenceQuartiles")]
public sealed record ConfidenceQuartiles(
    [property: Id(0)] double Min,
    [property: Id(1)] double Q1,
    [property: Id(2)] double Median,
    [property: Id(3)] double Q3,
    [property: Id(4)] double Max);
