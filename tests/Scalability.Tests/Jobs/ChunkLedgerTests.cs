using Scalability.GrainInterfaces.Quality;
using Scalability.Grains.Jobs;

namespace Scalability.Tests.Jobs;

public sealed class ChunkLedgerTests
{
    private static readonly DateTime Start = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly LedgerPolicy Policy = new(MaxAttempts: 3, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(4));

    private static ChunkLedger NewLedger(int chunks) => new(ChunkLedger.Create(chunks), Policy);

    private const string SiloA = "S10.0.0.1:11111:1";
    private const string SiloB = "S10.0.0.2:11111:1";

    private static ChunkReport Report(int index, int attempt, long ok = 10, string silo = SiloA) =>
        new(index, attempt, new RowCounts(ok, 0, 0), HasRejects: false, new Dictionary<string, long>(), 0.1, silo,
            ProcessingUsage.Zero, new Dictionary<string, long>());

    private static IReadOnlyList<ChunkAssignment> Lease(ChunkLedger ledger, DateTime now, int maxRunning) =>
        ledger.Lease("job", SiloA, now, maxRunning, count: int.MaxValue);

    [Fact]
    public void A_pool_gets_no_more_leases_than_it_asks_for_and_they_name_its_silo()
    {
        var ledger = NewLedger(5);

        var leased = ledger.Lease("job", SiloB, Start, maxRunning: int.MaxValue, count: 3);

        Assert.Equal([0, 1, 2], leased.Select(a => a.Index));
        Assert.All(leased, a => Assert.Equal(SiloB, a.Silo));
        Assert.Equal([SiloB, SiloB, SiloB, null, null], ledger.Entries.Select(e => e.Holder));
    }

    [Fact]
    public void A_lease_given_back_is_leased_again_at_once_without_counting_a_failure()
    {
        var ledger = NewLedger(1);
        Lease(ledger, Start, 1);
        ledger.Fail(0, 1, "boom", Start);
        Lease(ledger, Start.AddMinutes(1), 1);

        Assert.True(ledger.Requeue(0, 2, "silo stopping", Start.AddMinutes(1)));
        Assert.False(ledger.Requeue(0, 2, "silo stopping", Start.AddMinutes(1)));

        var again = Assert.Single(Lease(ledger, Start.AddMinutes(1), 1));
        Assert.Equal((3, ChunkWork.Process), (again.Attempt, again.Work));
        Assert.Equal((1, 1, "boom"), (ledger.Entries[0].Failures, ledger.Entries[0].Requeues, ledger.Entries[0].LastError));
    }

    [Fact]
    public void The_leases_of_a_departed_silo_go_back_to_the_queue_and_others_stay()
    {
        var ledger = NewLedger(4);
        ledger.Lease("job", SiloA, Start, int.MaxValue, count: 2);
        ledger.Lease("job", SiloB, Start, int.MaxValue, count: 2);
        ledger.Commit(Report(1, 1));

        var requeued = ledger.RequeueLeasesOf(entry => entry.Holder == SiloA, "silo gone", Start);

        Assert.Equal([0], requeued);
        Assert.Equal([ChunkState.Pending, ChunkState.Committed, ChunkState.Leased, ChunkState.Leased], ledger.Entries.Select(e => e.State));
        Assert.Equal(0, ledger.Retries);
        Assert.Equal(0, Assert.Single(ledger.Lease("job", SiloB, Start, int.MaxValue, count: 5)).Index);
    }

    [Fact]
    public void Rows_are_credited_to_the_silo_whose_attempt_committed()
    {
        var ledger = NewLedger(3);
        ledger.Lease("job", SiloA, Start, int.MaxValue, count: 3);
        ledger.Commit(Report(0, 1, ok: 5, silo: SiloA));
        ledger.Commit(Report(1, 1, ok: 7, silo: SiloB));
        ledger.Commit(Report(2, 1, ok: 2, silo: SiloA));

        Assert.Equal(new SortedDictionary<string, long> { [SiloA] = 7, [SiloB] = 7 }, ledger.RowsPerSilo());
        Assert.Equal([SiloA, SiloB, SiloA], ledger.Entries.Select(e => e.CommittedBy));
    }

    [Fact]
    public void Leases_chunks_in_input_order_up_to_the_running_limit()
    {
        var ledger = NewLedger(5);

        var first = Lease(ledger, Start, maxRunning: 2);
        var none = Lease(ledger, Start, maxRunning: 2);

        Assert.Equal([0, 1], first.Select(a => a.Index));
        Assert.All(first, a => Assert.Equal((1, ChunkWork.Process), (a.Attempt, a.Work)));
        Assert.Empty(none);
        Assert.Equal(2, ledger.Running);
    }

    [Fact]
    public void A_commit_frees_a_slot_and_counts_once_even_when_repeated()
    {
        var ledger = NewLedger(3);
        Lease(ledger, Start, 1);

        Assert.Equal(CommitOutcome.Accepted, ledger.Commit(Report(0, 1, ok: 7)));
        Assert.Equal(CommitOutcome.Duplicate, ledger.Commit(Report(0, 1, ok: 7)));
        Assert.Equal(CommitOutcome.Duplicate, ledger.Commit(Report(0, 2, ok: 7)));

        Assert.Equal(new RowCounts(7, 0, 0), ledger.CommittedCounts());
        Assert.Equal([1], Lease(ledger, Start, 1).Select(a => a.Index));
    }

    [Fact]
    public void A_committed_chunk_is_never_leased_again()
    {
        var ledger = NewLedger(2);
        Lease(ledger, Start, 2);
        ledger.Commit(Report(0, 1));
        ledger.Commit(Report(1, 1));

        Assert.Empty(Lease(ledger, Start.AddHours(1), 10));
        Assert.Empty(ledger.ExpireLeases(Start.AddHours(1)));
        Assert.True(ledger.AllCommitted);
    }

    [Fact]
    public void A_failed_attempt_is_retried_after_an_exponential_backoff()
    {
        var ledger = NewLedger(1);
        Lease(ledger, Start, 1);

        Assert.True(ledger.Fail(0, 1, "boom", Start));
        Assert.Empty(Lease(ledger, Start.AddMilliseconds(999), 1));
        var retry = Assert.Single(Lease(ledger, Start.AddSeconds(1), 1));
        Assert.Equal((0, 2, ChunkWork.Process), (retry.Index, retry.Attempt, retry.Work));

        Assert.True(ledger.Fail(0, 2, "boom again", Start.AddSeconds(1)));
        Assert.Empty(Lease(ledger, Start.AddSeconds(2.9), 1));
        Assert.Single(Lease(ledger, Start.AddSeconds(3), 1));
        Assert.Equal(2, ledger.Retries);
    }

    [Fact]
    public void A_failure_report_from_a_superseded_attempt_changes_nothing()
    {
        var ledger = NewLedger(1);
        Lease(ledger, Start, 1);
        ledger.ExpireLeases(Start.AddSeconds(30));
        Lease(ledger, Start.AddSeconds(40), 1);

        Assert.False(ledger.Fail(0, 1, "late", Start.AddSeconds(41)));
        Assert.False(ledger.Renew(0, 1, 5, Start.AddSeconds(41)));
        Assert.True(ledger.Renew(0, 2, 5, Start.AddSeconds(41)));
        Assert.Equal(1, ledger.Running);
    }

    [Fact]
    public void An_expired_lease_returns_the_chunk_to_the_queue_as_a_failed_attempt()
    {
        var ledger = NewLedger(2);
        Lease(ledger, Start, 2);
        ledger.Renew(1, 1, 3, Start.AddSeconds(20));

        var expired = ledger.ExpireLeases(Start.AddSeconds(30));

        Assert.Equal([0], expired);
        Assert.Equal(ChunkState.Pending, ledger.Entries[0].State);
        Assert.Equal("attempt 1 stopped reporting (its lease expired)", ledger.Entries[0].LastError);
        Assert.Equal(ChunkState.Leased, ledger.Entries[1].State);
        Assert.Equal(3, ledger.RowsInFlight());
    }

    [Fact]
    public void A_late_commit_from_an_expired_attempt_is_accepted_once_and_the_rerun_is_ignored()
    {
        var ledger = NewLedger(1);
        Lease(ledger, Start, 1);
        ledger.ExpireLeases(Start.AddSeconds(30));
        Lease(ledger, Start.AddSeconds(31), 1);

        Assert.Equal(CommitOutcome.Accepted, ledger.Commit(Report(0, 1, ok: 4)));
        Assert.False(ledger.Renew(0, 2, 1, Start.AddSeconds(32)));
        Assert.Equal(CommitOutcome.Duplicate, ledger.Commit(Report(0, 2, ok: 4)));
        Assert.Equal(new RowCounts(4, 0, 0), ledger.CommittedCounts());
        Assert.Equal(1, ledger.Entries[0].CommittedAttempt);
    }

    [Fact]
    public void A_chunk_out_of_attempts_is_handed_out_to_write_its_rows_as_failed()
    {
        var ledger = NewLedger(1);
        var now = Start;
        for (var attempt = 1; attempt <= Policy.MaxAttempts; attempt++)
        {
            var lease = Assert.Single(Lease(ledger, now, 1));
            Assert.Equal(ChunkWork.Process, lease.Work);
            ledger.Fail(0, attempt, $"error {attempt}", now);
            now = now.AddMinutes(1);
        }

        var last = Assert.Single(Lease(ledger, now, 1));

        Assert.Equal((ChunkWork.WriteAsFailed, 4, "error 3"), (last.Work, last.Attempt, last.FailureReason));
    }

    [Fact]
    public void A_chunk_that_cannot_even_be_written_as_failed_is_given_up()
    {
        var ledger = NewLedger(2);
        var now = Start;
        for (var attempt = 1; attempt <= Policy.MaxAttempts + LedgerPolicy.MaxFailureWriteAttempts; attempt++)
        {
            Assert.Contains(Lease(ledger, now, 1), a => a.Index == 0);
            ledger.Fail(0, attempt, "unreadable", now);
            now = now.AddMinutes(1);
        }

        Assert.Equal([0], ledger.GivenUp.Select(e => e.Index));
        Assert.Equal([1], Lease(ledger, now, 5).Select(a => a.Index));
    }

    [Fact]
    public void Restored_leases_get_a_full_lease_period_from_the_restart_and_no_more()
    {
        var ledger = NewLedger(3);
        Lease(ledger, Start, 2);
        ledger.Renew(1, 1, 0, Start.AddSeconds(50));
        var restart = Start.AddSeconds(45);

        ledger.RestartLeaseClocks(restart);

        Assert.Equal([restart.AddSeconds(30), Start.AddSeconds(80), default], ledger.Entries.Select(e => e.LeaseExpiresUtc));
        Assert.Empty(ledger.ExpireLeases(restart.AddSeconds(29)));
        Assert.Equal([0], ledger.ExpireLeases(restart.AddSeconds(30)));
    }

    [Fact]
    public void A_chunk_whose_silo_keeps_dying_counts_failures_after_its_free_requeues()
    {
        var ledger = NewLedger(1);
        var now = Start;
        for (var loss = 1; loss <= LedgerPolicy.FreeRequeues; loss++)
        {
            Assert.Single(Lease(ledger, now, 1));
            ledger.RequeueLeasesOf(_ => true, "silo gone", now);
        }

        Assert.Equal((0, LedgerPolicy.FreeRequeues), (ledger.Entries[0].Failures, ledger.Entries[0].Requeues));
        Assert.Single(Lease(ledger, now, 1));
        ledger.RequeueLeasesOf(_ => true, "silo gone", now);

        Assert.Equal(1, ledger.Entries[0].Failures);
        Assert.Equal($"silo gone ({LedgerPolicy.FreeRequeues + 1} times)", ledger.Entries[0].LastError);
        Assert.Empty(Lease(ledger, now, 1));
        Assert.Single(Lease(ledger, now.AddSeconds(1), 1));
    }

    [Fact]
    public void Only_the_first_commit_of_a_chunk_marks_its_review_part()
    {
        var ledger = NewLedger(1);
        ChunkReport Reviewed(int attempt, long review) => Report(0, attempt) with
        {
            Quality = new ChunkQuality(new Dictionary<string, IReadOnlyDictionary<int, long>>(), new Dictionary<string, long>(), review, review, 0),
        };

        Assert.Equal(CommitOutcome.Accepted, ledger.Commit(Reviewed(2, review: 4)));
        Assert.Equal(CommitOutcome.Duplicate, ledger.Commit(Reviewed(1, review: 0)));

        Assert.Equal((true, 2), (ledger.Entries[0].HasReview, ledger.Entries[0].CommittedAttempt));
    }
}
