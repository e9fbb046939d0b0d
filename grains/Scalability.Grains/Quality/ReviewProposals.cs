using System.Diagnostics;
using System.Globalization;
using Scalability.GrainInterfaces.Quality;
using Scalability.Grains.Output;

namespace Scalability.Grains.Quality;

/// <summary>
/// Proposes new categories from a job's review file once it is written: reads an even sample of it (all of it up to
/// <see cref="ProposerOptions.MaxSample"/> tickets) and clusters it with <see cref="CategoryProposer"/>. It never fails
/// the job: an error, or a clustering that runs past its time limit, ends with no proposals and the reason in the run.
/// </summary>
public static class ReviewProposals
{
    /// <param name="reviewTickets">The rows of the review file, as the job counted them.</param>
    /// <param name="stopping">Cancelled when the job's activation stops: the only way out of here by an exception.</param>
    public static (IReadOnlyList<ProposedCategory> Proposals, ProposalRun Run) Find(
        string reviewPath, long reviewTickets, ProposerOptions options, TimeSpan timeLimit, CancellationToken stopping)
    {
        if (reviewTickets == 0)
        {
            return ([], new ProposalRun(0, 0, 0, 0, 0, 0, "there are no review tickets"));
        }

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        if (timeLimit > TimeSpan.Zero)
        {
            limit.CancelAfter(timeLimit);
        }
        else
        {
            limit.Cancel();
        }

        var clock = Stopwatch.StartNew();
        double read = 0;
        var sampled = 0;
        try
        {
            var sample = ReviewFile.ReadSample(reviewPath, reviewTickets, options.MaxSample, limit.Token);
            read = clock.Elapsed.TotalSeconds;
            sampled = sample.Count;
            clock.Restart();
            var found = CategoryProposer.Propose(sample, reviewTickets, options, limit.Token);
            return (found.Proposals, new ProposalRun(reviewTickets, sampled, found.Terms, found.Groups, Seconds(read),
                Seconds(clock.Elapsed.TotalSeconds), found.Note));
        }
        catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
        {
            return ([], Failed(reviewTickets, sampled, read, clock,
                string.Create(CultureInfo.InvariantCulture, $"the clustering was stopped at its time limit of {timeLimit.TotalSeconds:0.#} s")));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return ([], Failed(reviewTickets, sampled, read, clock, $"the clustering failed: {e.GetType().Name}: {e.Message}"));
        }
    }

    private static ProposalRun Failed(long reviewTickets, int sampled, double read, Stopwatch clock, string note) =>
        read == 0
            ? new ProposalRun(reviewTickets, sampled, 0, 0, Seconds(clock.Elapsed.TotalSeconds), 0, note)
            : new ProposalRun(reviewTickets, sampled, 0, 0, Seconds(read), Seconds(clock.Elapsed.TotalSeconds), note);

    private static double Seconds(double seconds) => Math.Round(seconds, 3, MidpointRounding.AwayFromZero);
}
