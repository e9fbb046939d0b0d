namespace Scalability.GrainInterfaces.Quality;

/// <summary>
/// A group of review tickets that are alike and unlike the rest: a category the taxonomy may be missing.
/// </summary>
/// <param name="Terms">The words (or two-word phrases) that set the group apart, most telling first.</param>
/// <param name="Tickets">The review tickets in the group; estimated from the sample when the review set was sampled.</param>
/// <param name="SharePercent">Those tickets as a percentage of the review tickets, to one decimal.</param>
/// <param name="Examples">The ids (or row numbers) of three of its most typical tickets, in input order.</param>
/// <param name="Coherence">How alike its tickets are: their mean cosine similarity to the group's centre, 0 to 1.</param>
[GenerateSerializer, Immutable, Alias("ProposedCategory")]
public sealed record ProposedCategory(
    [property: Id(0)] IReadOnlyList<string> Terms,
    [property: Id(1)] long Tickets,
    [property: Id(2)] double SharePercent,
    [property: Id(3)] IReadOnlyList<string> Examples,
    [property: Id(4)] double Coherence);
