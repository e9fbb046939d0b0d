namespace Scalability.GrainInterfaces.Quality;

/// <summary>The output rows of one language (an ISO 639-1 code, <c>und</c>, or <c>unknown</c> for none given).</summary>
/// <param name="SharePercent">Its rows as a percentage of all output rows, to one decimal.</param>
[GenerateSerializer, Immutable, Alias("LanguageShare")]
public sealed record LanguageShare(
    [property: Id(0)] string Language,
    [property: Id(1)] long Tickets,
    [property: Id(2)] double SharePercent);
