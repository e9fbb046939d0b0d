namespace Scalability.Grains.Quality;

/// <summary>The settings of <see cref="CategoryProposer"/>; the defaults are those every job uses.</summary>
public sealed record ProposerOptions
{
    /// <summary>
    /// Review tickets clustered at most; a larger review set is sampled evenly (see <see cref="ReviewSample"/>). The
    /// clustering takes O(n²) time and 2n² bytes: 32 MB at 4,000.
    /// </summary>
    public int MaxSample { get; init; } = 4000;

    /// <summary>Fewer review tickets than this are not clustered: there is nothing to generalise from.</summary>
    public int MinTickets { get; init; } = 10;

    /// <summary>Cores are merged while their tickets are at least this alike on average (cosine similarity).</summary>
    public double MinSimilarity { get; init; } = 0.25;

    /// <summary>A core needs this many tickets to seed a group.</summary>
    public int MinCoreSize { get; init; } = 3;

    /// <summary>A ticket joins the group whose centre it is most similar to when it is at least this similar.</summary>
    public double MinMemberSimilarity { get; init; } = 0.2;

    /// <summary>Groups whose centres are at least this alike are merged.</summary>
    public double MergeSimilarity { get; init; } = 0.5;

    /// <summary>Rounds of assigning tickets to centres, at most.</summary>
    public int MaxRounds { get; init; } = 20;

    /// <summary>
    /// How much the words a ticket shares with no other ticket count in its length, from 0 (not at all) to 1 (as much
    /// as any word). They link it to nothing, but a ticket mostly made of them is mostly about something else.
    /// </summary>
    public double UniqueWordWeight { get; init; } = 0.5;

    /// <summary>Words in more than this share of the tickets are too common to tell them apart.</summary>
    public double MaxDocumentShare { get; init; } = 0.5;

    /// <summary>A group needs at least this many tickets of the sample to be proposed …</summary>
    public int MinGroupSize { get; init; } = 5;

    /// <summary>… and at least this share of them.</summary>
    public double MinGroupShare { get; init; } = 0.01;

    /// <summary>A group's tickets must be at least this similar to its centre, on average, to be proposed.</summary>
    public double MinCoherence { get; init; } = 0.35;

    /// <summary>A term must be in at least this share of a group's tickets to describe it.</summary>
    public double MinTermShare { get; init; } = 0.2;

    public int MaxProposals { get; init; } = 10;

    public int TermsPerProposal { get; init; } = 5;

    public int ExamplesPerProposal { get; init; } = 3;

    public static ProposerOptions Default { get; } = new();
}
