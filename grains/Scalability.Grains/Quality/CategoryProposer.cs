using System.Globalization;
using Scalability.GrainInterfaces.Quality;

namespace Scalability.Grains.Quality;

/// <summary>A ticket to cluster: its id (or row number) and its text.</summary>
public sealed record ReviewTicket(string Id, string Text);

/// <summary>What <see cref="CategoryProposer"/> found.</summary>
/// <param name="Terms">The content words that could link tickets.</param>
/// <param name="Groups">The groups found, proposed or not.</param>
/// <param name="Members">Per proposal, the positions of its tickets among those given, ascending.</param>
/// <param name="Note">Why there is no proposal, or null.</param>
public sealed record CategoryProposals(
    IReadOnlyList<ProposedCategory> Proposals, IReadOnlyList<IReadOnlyList<int>> Members, int Terms, int Groups, string? Note);

/// <summary>
/// Proposes new categories from the tickets a taxonomy placed badly (those in its fallback category or categorized with
/// little confidence): groups of tickets that are alike and unlike the rest. The tickets' content words are weighed by
/// TF-IDF (<see cref="TermSpace"/>); tickets are grouped without a number of groups given, the tickets worded most alike
/// into cores (<see cref="AverageLinkage"/>) that then take in the tickets near their centres (<see cref="CentreAssignment"/>);
/// and a group is proposed when it is large enough (<see cref="ProposerOptions.MinGroupSize"/>,
/// <see cref="ProposerOptions.MinGroupShare"/>) and coherent (<see cref="ProposerOptions.MinCoherence"/>), with the terms
/// that set it apart (<see cref="DistinctiveTerms"/>) and its most typical tickets as examples. Pure and deterministic:
/// the same tickets in the same order give the same proposals.
/// </summary>
public static class CategoryProposer
{
    /// <param name="tickets">The tickets to cluster: all the review tickets, or an even sample of them.</param>
    /// <param name="total">How many review tickets there are: group sizes are scaled from the sample to them.</param>
    public static CategoryProposals Propose(IReadOnlyList<ReviewTicket> tickets, long total, ProposerOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tickets);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(total, tickets.Count);
        var n = tickets.Count;
        if (n < options.MinTickets)
        {
            return new CategoryProposals([], [], 0, 0, n == 0
                ? "there are no review tickets"
                : Invariant($"too few review tickets to find groups in ({n}; at least {options.MinTickets} are needed)"));
        }

        var space = TermSpace.Build(tickets.Select(t => t.Text).ToArray(), ContentWords.Default, options.MaxDocumentShare, options.UniqueWordWeight, cancellationToken);
        var minSize = Math.Max(options.MinGroupSize, (int)Math.Ceiling(options.MinGroupShare * n));
        var linked = AverageLinkage.Cluster(space.Vectors, space.WordCount, options.MinSimilarity, cancellationToken);
        var cores = Groups(linked).Where(g => g.Length >= options.MinCoreSize).ToArray();
        var labels = CentreAssignment.Assign(space.Vectors, space.WordCount, cores,
            new AssignmentSettings(options.MinMemberSimilarity, options.MergeSimilarity, minSize, options.MaxRounds), cancellationToken);
        var groups = Groups(labels);

        var centre = new double[space.WordCount];
        var proposed = new List<(ProposedCategory Proposal, int[] Members)>();
        foreach (var members in groups)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (members.Length < minSize)
            {
                continue;
            }

            var (coherence, typical) = Centre(space, members, centre, options.ExamplesPerProposal);
            if (coherence < options.MinCoherence)
            {
                continue;
            }

            var terms = DistinctiveTerms.Of(space, members, options.TermsPerProposal, options.MinTermShare);
            if (terms.Count == 0)
            {
                continue;
            }

            var size = n == total ? members.Length : (long)Math.Round((double)members.Length * total / n, MidpointRounding.AwayFromZero);
            var proposal = new ProposedCategory(terms, size, QualitySections.Percent(size, total),
                typical.Order().Select(t => tickets[t].Id).ToArray(), Math.Round(coherence, 3, MidpointRounding.AwayFromZero));
            proposed.Add((proposal, members));
        }

        var chosen = proposed
            .OrderByDescending(p => p.Members.Length)
            .ThenByDescending(p => p.Proposal.Coherence)
            .ThenBy(p => p.Members[0])
            .Take(options.MaxProposals)
            .ToArray();
        var note = chosen.Length > 0 ? null
            : groups.Count == 0 ? Invariant($"no group of alike tickets was found among the {n:N0} review tickets clustered")
            : Invariant($"the {groups.Count:N0} groups found were too small (under {minSize:N0} tickets) or too loose to propose");
        return new CategoryProposals(chosen.Select(c => c.Proposal).ToArray(), chosen.Select(c => (IReadOnlyList<int>)c.Members).ToArray(),
            space.LinkingTerms, groups.Count, note);
    }

    /// <summary>
    /// The mean similarity of a group's tickets to its centre (the normalised sum of their vectors), and its
    /// <paramref name="examples"/> tickets closest to the centre (ties: the first in input order).
    /// </summary>
    private static (double Coherence, int[] Typical) Centre(TermSpace space, int[] members, double[] centre, int examples)
    {
        // Weights are positive: a term still at 0 is one not met yet in this group.
        var terms = new List<int>();
        foreach (var ticket in members)
        {
            var vector = space.Vectors[ticket];
            for (var k = 0; k < vector.Count; k++)
            {
                if (centre[vector.Terms[k]] == 0)
                {
                    terms.Add(vector.Terms[k]);
                }

                centre[vector.Terms[k]] += vector.Weights[k];
            }
        }

        var norm = Math.Sqrt(terms.Sum(t => centre[t] * centre[t]));
        var similarities = members.Select(ticket => (Similarity: norm > 0 ? space.Vectors[ticket].Dot(centre) / norm : 0, Ticket: ticket)).ToArray();
        foreach (var term in terms)
        {
            centre[term] = 0;
        }

        var typical = similarities
            .OrderByDescending(s => s.Similarity)
            .ThenBy(s => s.Ticket)
            .Take(examples)
            .Select(s => s.Ticket)
            .ToArray();
        return (similarities.Average(s => s.Similarity), typical);
    }

    /// <summary>The tickets of each group, in the order of their first tickets; tickets in no group are left out.</summary>
    private static List<int[]> Groups(int[] labels) => labels
        .Select((label, ticket) => (label, ticket))
        .Where(x => x.label >= 0)
        .GroupBy(x => x.label, x => x.ticket)
        .Select(g => g.ToArray())
        .ToList();

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
