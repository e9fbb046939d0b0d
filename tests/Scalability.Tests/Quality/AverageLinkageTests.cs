using Scalability.Grains.Quality;

namespace Scalability.Tests.Quality;

/// <summary>The two steps of the clustering on vectors small enough to reason about.</summary>
public sealed class AverageLinkageTests
{
    private static SparseVector Vector(params (int Term, double Weight)[] weights)
    {
        var norm = Math.Sqrt(weights.Sum(w => w.Weight * w.Weight));
        return new SparseVector(weights.Select(w => w.Term).ToArray(), weights.Select(w => (float)(w.Weight / norm)).ToArray());
    }

    [Fact]
    public void Groups_merge_while_their_tickets_are_alike_on_average_and_a_ticket_like_one_member_only_stays_out()
    {
        SparseVector[] vectors =
        [
            Vector((0, 1)),
            Vector((0, 0.9), (1, 0.436)),
            Vector((2, 1)),
            Vector((2, 0.9), (3, 0.436)),
            // Like the fourth (0.44) but not the third (0): 0.22 on average, under the threshold.
            Vector((3, 1)),
        ];

        var labels = AverageLinkage.Cluster(vectors, 4, 0.4, CancellationToken.None);

        Assert.Equal([0, 0, 1, 1, 2], labels);
    }

    [Fact]
    public void A_ticket_worded_apart_from_a_core_joins_it_when_it_is_close_to_its_centre()
    {
        SparseVector[] vectors =
        [
            Vector((0, 1), (1, 1)),
            Vector((0, 1), (1, 1), (2, 0.2)),
            Vector((0, 1), (1, 1), (3, 0.2)),
            // Shares one word of the core's two: as close to its centre (0.50) as it is to each of the core's tickets.
            Vector((1, 1), (4, 1)),
            Vector((5, 1)),
        ];

        var labels = CentreAssignment.Assign(vectors, 6, [[0, 1, 2]], new AssignmentSettings(0.45, 0.5, MinSize: 3, MaxRounds: 10),
            CancellationToken.None);

        Assert.Equal([0, 0, 0, 0, CentreAssignment.None], labels);
    }

    [Fact]
    public void Groups_too_small_to_propose_give_their_tickets_up_to_larger_ones()
    {
        SparseVector[] vectors =
        [
            Vector((0, 1), (1, 1)),
            Vector((0, 1), (1, 1)),
            Vector((0, 1), (1, 1)),
            Vector((1, 1), (2, 1)),
            Vector((2, 1), (1, 0.9)),
        ];

        var kept = CentreAssignment.Assign(vectors, 3, [[0, 1, 2], [3, 4]], new AssignmentSettings(0.4, 0.99, MinSize: 2, MaxRounds: 10),
            CancellationToken.None);
        var givenUp = CentreAssignment.Assign(vectors, 3, [[0, 1, 2], [3, 4]], new AssignmentSettings(0.4, 0.99, MinSize: 3, MaxRounds: 10),
            CancellationToken.None);

        Assert.Equal([0, 0, 0, 1, 1], kept);
        Assert.Equal([0, 0, 0, 0, 0], givenUp);
    }
}
