namespace Scalability.GrainInterfaces.Quality;

/// <summary>
/// How far to trust a job's categories, and what its taxonomy may miss: the rows per category with their confidence
/// quartiles, the tickets to review by hand, the languages, and up to ten proposed new categories found among the
/// review tickets. Counted over the committed chunks, each once.
/// </summary>
/// <param name="ReviewBelow">The review threshold: a ticket whose confidence is under it is to be reviewed.</param>
/// <param name="FallbackCategory">The category of tickets the taxonomy has no place for; they are all to be reviewed.</param>
/// <param name="Categorized">Ok rows that were given a category (all of them, unless the categorizer was off).</param>
/// <param name="Categories">Per category, most rows first.</param>
/// <param name="Confidence">Over every categorized row.</param>
/// <param name="Languages">Output rows per language, most rows first.</param>
/// <param name="Proposals">Most tickets first; empty when none was found (see <see cref="ProposalRun.Note"/>).</param>
/// <param name="Proposing">How the proposals were found; null while the job has not completed.</param>
[GenerateSerializer, Immutable, Alias("QualitySection")]
public sealed record QualitySection(
    [property: Id(0)] double ReviewBelow,
    [property: Id(1)] string FallbackCategory,
    [property: Id(2)] long Categorized,
    [property: Id(3)] IReadOnlyList<CategoryQuality> Categories,
    [property: Id(4)] ConfidenceQuartiles? Confidence,
    [property: Id(5)] ReviewCounts Review,
    [property: Id(6)] IReadOnlyList<LanguageShare> Languages,
    [property: Id(7)] IReadOnlyList<ProposedCategory> Proposals,
    [property: Id(8)] ProposalRun? Proposing);
