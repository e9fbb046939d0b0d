namespace Scalability.GrainInterfaces.Quality;

/// <summary>How the proposals were found, and what it took.</summary>
/// <param name="ReviewTickets">The review tickets there were.</param>
/// <param name="Sampled">How many of them were clustered: all, or a deterministic sample spread evenly over the file.</param>
/// <param name="Terms">The content words the clustering compared tickets by.</param>
/// <param name="Groups">The groups it found, before those too small or too loose to propose were left out.</param>
/// <param name="ReadSeconds">Reading the review file.</param>
/// <param name="ClusterSeconds">Weighing the words, grouping the tickets and choosing their terms.</param>
/// <param name="Note">Why there are no proposals, or why the clustering stopped (it never fails the job); null when it
/// ran to its end.</param>
[GenerateSerializer, Immutable, Alias("ProposalRun")]
public sealed record ProposalRun(
    [property: Id(0)] long ReviewTickets,
    [property: Id(1)] int Sampled,
    [property: Id(2)] int Terms,
    [property: Id(3)] int Groups,
    [property: Id(4)] double ReadSeconds,
    [property: Id(5)] double ClusterSeconds,
    [property: Id(6)] string? Note);
