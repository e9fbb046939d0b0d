using System.Text.Json;
using Scalability.GrainInterfaces;
using Scalability.Grains.Output;
using Scalability.Grains.Quality;
using Scalability.Tests.Support;

namespace Scalability.Tests.Quality;

/// <summary>The clustering engine on tickets with topics planted in them, and on noise.</summary>
public sealed class CategoryProposerTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>The planted topics and the noise, as a review file would hold them: in input order.</summary>
    private static ReviewTicket[] PlantedAndNoise() => PlantedTopics.Rows
        .Where(r => r.Topic != "" && (PlantedTopics.Planted.Contains(r.Topic) || r.Topic == PlantedTopics.Noise))
        .Select(r => new ReviewTicket(r.Id, r.Text))
        .ToArray();

    [Fact]
    public void Each_planted_topic_comes_back_as_one_proposal_with_exactly_its_tickets_and_its_telling_terms()
    {
        var tickets = PlantedAndNoise();

        var found = CategoryProposer.Propose(tickets, tickets.Length, ProposerOptions.Default, CancellationToken.None);

        Assert.Equal(118, tickets.Length);
        Assert.Null(found.Note);
        Assert.Equal(3, found.Proposals.Count);
        var expected = new (string Topic, string FirstTerm, long Size)[]
        {
            (PlantedTopics.GiftCards, "gift card", 32),
            (PlantedTopics.LoyaltyPoints, "loyalty points", 26),
            (PlantedTopics.StoreAppointments, "store appointment", 22),
        };
        for (var i = 0; i < expected.Length; i++)
        {
            var (topic, firstTerm, size) = expected[i];
            var proposal = found.Proposals[i];
            var members = found.Members[i].Select(m => tickets[m].Id).ToArray();
            Assert.Equal(PlantedTopics.Of(topic).Select(r => r.Id), members);
            Assert.Equal(size, proposal.Tickets);
            Assert.Equal(Math.Round(100.0 * size / 118, 1, MidpointRounding.AwayFromZero), proposal.SharePercent);
            Assert.Equal(firstTerm, proposal.Terms[0]);
            Assert.InRange(proposal.Terms.Count, 1, ProposerOptions.Default.TermsPerProposal);
            Assert.Equal(3, proposal.Examples.Count);
            Assert.All(proposal.Examples, id => Assert.Contains(id, members));
            Assert.Equal(proposal.Examples.Order(StringComparer.Ordinal), proposal.Examples);
            Assert.InRange(proposal.Coherence, ProposerOptions.Default.MinCoherence, 1);
        }
    }

    [Fact]
    public void Unrelated_one_off_questions_form_no_proposal()
    {
        var noise = PlantedTopics.Of(PlantedTopics.Noise).Select(r => new ReviewTicket(r.Id, r.Text)).ToArray();

        var found = CategoryProposer.Propose(noise, noise.Length, ProposerOptions.Default, CancellationToken.None);

        Assert.Equal(38, noise.Length);
        Assert.Empty(found.Proposals);
        Assert.Empty(found.Members);
        Assert.NotNull(found.Note);
    }

    [Fact]
    public void The_same_tickets_give_the_same_proposals_every_time()
    {
        var tickets = PlantedAndNoise();

        var first = CategoryProposer.Propose(tickets, tickets.Length, ProposerOptions.Default, CancellationToken.None);
        var second = CategoryProposer.Propose(tickets.ToArray(), tickets.Length, ProposerOptions.Default, CancellationToken.None);

        Assert.Equal(JsonSerializer.Serialize(first, ScaleJson.Options), JsonSerializer.Serialize(second, ScaleJson.Options));
    }

    [Fact]
    public void Too_few_tickets_are_not_clustered_and_the_note_says_so()
    {
        var few = PlantedAndNoise().Take(9).ToArray();

        var found = CategoryProposer.Propose(few, 9, ProposerOptions.Default, CancellationToken.None);

        Assert.Empty(found.Proposals);
        Assert.Equal("too few review tickets to find groups in (9; at least 10 are needed)", found.Note);
        Assert.Equal("there are no review tickets", CategoryProposer.Propose([], 0, ProposerOptions.Default, CancellationToken.None).Note);
    }

    [Fact]
    public void A_large_review_file_is_sampled_evenly_and_the_sizes_are_scaled_to_all_of_it()
    {
        // Every ticket four times in a row: an even sample of a quarter takes one of each.
        var tickets = PlantedAndNoise();
        var path = _temp.File("review.csv");
        WriteReviewFile(path, tickets.SelectMany(t => Enumerable.Range(0, 4).Select(copy => new ReviewTicket($"{t.Id}-{copy}", t.Text))));

        var sample = ReviewFile.ReadSample(path, 4 * 118, 118, CancellationToken.None);
        var found = CategoryProposer.Propose(sample, 4 * 118, ProposerOptions.Default, CancellationToken.None);

        Assert.Equal(tickets.Select(t => $"{t.Id}-3"), sample.Select(t => t.Id));
        Assert.Equal([128L, 104L, 88L], found.Proposals.Select(p => p.Tickets));
        Assert.Equal([27.1, 22.0, 18.6], found.Proposals.Select(p => p.SharePercent));
    }

    [Fact]
    public void The_even_sample_takes_exactly_its_size_one_in_each_stretch()
    {
        Assert.Equal([3L, 6L, 9L], Enumerable.Range(0, 10).Select(i => (long)i).Where(i => ReviewSample.Takes(i, 10, 3)));
        Assert.Equal(4000, Enumerable.Range(0, 123_457).Count(i => ReviewSample.Takes(i, 123_457, 4000)));
        Assert.All(Enumerable.Range(0, 7), i => Assert.True(ReviewSample.Takes(i, 7, 4000)));
    }

    [Fact]
    public void Finding_proposals_never_throws_it_says_why_there_are_none()
    {
        var path = _temp.File("review.csv");
        WriteReviewFile(path, PlantedAndNoise());

        var none = ReviewProposals.Find(path, 0, ProposerOptions.Default, TimeSpan.FromMinutes(1), CancellationToken.None);
        var miscounted = ReviewProposals.Find(path, 200, ProposerOptions.Default, TimeSpan.FromMinutes(1), CancellationToken.None);
        var missing = ReviewProposals.Find(_temp.File("no-such.csv"), 5, ProposerOptions.Default, TimeSpan.FromMinutes(1), CancellationToken.None);
        var timedOut = ReviewProposals.Find(path, 118, ProposerOptions.Default, TimeSpan.Zero, CancellationToken.None);
        var found = ReviewProposals.Find(path, 118, ProposerOptions.Default, TimeSpan.FromMinutes(1), CancellationToken.None);

        Assert.Equal(("there are no review tickets", 0L), (none.Run.Note, none.Run.ReviewTickets));
        Assert.Empty(miscounted.Proposals);
        Assert.Equal($"the clustering failed: InvalidDataException: {path} has 118 rows where the job counted 200", miscounted.Run.Note);
        Assert.StartsWith("the clustering failed: FileNotFoundException: ", missing.Run.Note);
        Assert.Equal("the clustering was stopped at its time limit of 0 s", timedOut.Run.Note);
        Assert.Equal((3, 118L, 118, (string?)null), (found.Proposals.Count, found.Run.ReviewTickets, found.Run.Sampled, found.Run.Note));
        Assert.True(found.Run.Terms > 0 && found.Run.Groups >= 3);
        var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => ReviewProposals.Find(path, 118, ProposerOptions.Default, TimeSpan.FromMinutes(1), cancelled.Token));
    }

    private static void WriteReviewFile(string path, IEnumerable<ReviewTicket> tickets)
    {
        using var writer = CsvHelper.CsvWriter.ToFile(path, new CsvHelper.CsvWriterOptions(), FileOptions.SequentialScan);
        writer.WriteHeader(["ticket_id", "category", "confidence", "language", "reason", "summary", "text"]);
        foreach (var ticket in tickets)
        {
            foreach (var field in new[] { ticket.Id, "other", "0.250", "", "other, below 0.5", "", ticket.Text })
            {
                writer.WriteField(field);
            }

            writer.EndRecord();
        }
    }
}
