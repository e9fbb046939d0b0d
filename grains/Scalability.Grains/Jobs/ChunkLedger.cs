namespace Scalability.Grains.Jobs;

/// <summary>How the chunk table treats attempts, leases and retries.</summary>
/// <param name="MaxAttempts">Processing attempts per chunk before its rows are written as failed.</param>
/// <param name="LeaseDuration">How long a lease lasts without a renewal.</param>
/// <param name="RetryBaseDelay">Back-off before the first retry; it doubles with each failure.</param>
/// <param name="RetryMaxDelay">The longest back-off.</param>
public sealed record LedgerPolicy(int MaxAttempts, TimeSpan LeaseDuration, TimeSpan RetryBaseDelay, TimeSpan RetryMaxDelay)
{
    /// <summary>Attempts at writing an exhausted chunk's rows as failed before the job gives up.</summary>
    public const int MaxFailureWriteAttempts = 3;

    /// <summary>
    /// Leases of one chunk lost with their silo, or given back, before each further loss counts as a failed attempt:
    /// a chunk that brings its silo down every time must not be retried forever.
    /// </summary>
    public const int FreeRequeues = 5;

    public static LedgerPolicy From(JobOptions options, int maxAttempts) =>
        new(maxAttempts, options.LeaseDuration, options.RetryBaseDelay, options.RetryMaxDelay);
}

public enum CommitOutcome
{
    Accepted,
    /// <summary>The chunk was already committed, by this or another attempt: nothing changes.</summary>
    Duplicate,
}

/// <summary>
/// The chunk table's rules, apart from any grain: which chunk may be leased, which report counts, when a chunk is
/// retried and when it is given up. A committed chunk is never leased again and its first commit is the only one
/// counted, so no row is processed into the output, or paid for, twice.
/// </summary>
public sealed class ChunkLedger(IReadOnlyList<ChunkEntry> entries, LedgerPolicy policy)
{
    public IReadOnlyList<ChunkEntry> Entries => entries;

    public int Running => entries.Count(e => e.State == ChunkState.Leased);

    public int Committed => entries.Count(e => e.State == ChunkState.Committed);

    public bool AllCommitted => entries.All(e => e.State == ChunkState.Committed);

    public int Retries => entries.Sum(e => e.Failures);

    public static List<ChunkEntry> Create(int chunks) =>
        Enumerable.Range(0, chunks).Select(i => new ChunkEntry { Index = i }).ToList();

    /// <summary>
    /// Leases up to <paramref name="count"/> pending chunks to <paramref name="silo"/>, in input order, while fewer
    /// than <paramref name="maxRunning"/> are leased. A chunk that has used its processing attempts is handed out to
    /// have its rows written as failed.
    /// </summary>
    public IReadOnlyList<ChunkAssignment> Lease(string jobId, string silo, DateTime nowUtc, int maxRunning, int count)
    {
        var free = Math.Min(count, maxRunning - Running);
        var leased = new List<ChunkAssignment>();
        foreach (var entry in entries)
        {
            if (free <= 0)
            {
                break;
            }

            if (entry.State != ChunkState.Pending || entry.NotBeforeUtc > nowUtc)
            {
                continue;
            }

            var exhausted = entry.Failures >= policy.MaxAttempts;
            if (exhausted && entry.Failures >= policy.MaxAttempts + LedgerPolicy.MaxFailureWriteAttempts)
            {
                continue; // Given up for good: see GivenUp.
            }

            entry.State = ChunkState.Leased;
            entry.Attempts++;
            entry.LeaseExpiresUtc = nowUtc + policy.LeaseDuration;
            entry.RowsInFlight = 0;
            entry.Holder = silo;
            leased.Add(new ChunkAssignment(jobId, entry.Index, entry.Attempts,
                exhausted ? ChunkWork.WriteAsFailed : ChunkWork.Process,
                exhausted ? entry.LastError : null, silo));
            free--;
        }

        return leased;
    }

    /// <summary>Chunks that a lease would hand out now.</summary>
    public int Leasable(DateTime nowUtc) => entries.Count(e =>
        e.State == ChunkState.Pending && e.NotBeforeUtc <= nowUtc &&
        e.Failures < policy.MaxAttempts + LedgerPolicy.MaxFailureWriteAttempts);

    /// <summary>The chunks whose rows could not even be written as failed; a job with any cannot complete.</summary>
    public IEnumerable<ChunkEntry> GivenUp =>
        entries.Where(e => e.State == ChunkState.Pending && e.Failures >= policy.MaxAttempts + LedgerPolicy.MaxFailureWriteAttempts);

    /// <summary>Extends the lease of the attempt that holds it; false when that attempt no longer holds it.</summary>
    public bool Renew(int index, int attempt, long rowsDone, DateTime nowUtc)
    {
        var entry = entries[index];
        if (entry.State != ChunkState.Leased || entry.Attempts != attempt)
        {
            return false;
        }

        entry.LeaseExpiresUtc = nowUtc + policy.LeaseDuration;
        entry.RowsInFlight = rowsDone;
        return true;
    }

    /// <summary>
    /// Accepts the first commit of a chunk, from whichever attempt makes it: every attempt writes a complete part file
    /// of its own, so an attempt whose lease ran out may still finish first.
    /// </summary>
    public CommitOutcome Commit(ChunkReport report)
    {
        var entry = entries[report.Index];
        if (entry.State == ChunkState.Committed)
        {
            return CommitOutcome.Duplicate;
        }

        entry.State = ChunkState.Committed;
        entry.CommittedAttempt = report.Attempt;
        entry.CommittedBy = report.Silo;
        entry.Holder = null;
        entry.LeaseExpiresUtc = default;
        entry.Counts = report.Counts;
        entry.HasRejects = report.HasRejects;
        entry.HasReview = report.Quality?.Review > 0;
        entry.RowsInFlight = 0;
        entry.LastError = null;
        return CommitOutcome.Accepted;
    }

    /// <summary>Records a failed attempt; false when the report is stale (another attempt holds the chunk).</summary>
    public bool Fail(int index, int attempt, string error, DateTime nowUtc)
    {
        var entry = entries[index];
        if (entry.State != ChunkState.Leased || entry.Attempts != attempt)
        {
            return false;
        }

        Release(entry, error, nowUtc);
        return true;
    }

    /// <summary>
    /// Returns a lease to the queue without counting a failure, for an attempt that stopped through no fault of the
    /// chunk (its silo shut down); false when that attempt no longer holds the chunk.
    /// </summary>
    public bool Requeue(int index, int attempt, string reason, DateTime nowUtc)
    {
        var entry = entries[index];
        if (entry.State != ChunkState.Leased || entry.Attempts != attempt)
        {
            return false;
        }

        RequeueEntry(entry, reason, nowUtc);
        return true;
    }

    /// <summary>Returns to the queue, without counting failures, the leases held by silos that are gone.</summary>
    public IReadOnlyList<int> RequeueLeasesOf(Func<ChunkEntry, bool> holderIsGone, string reason, DateTime nowUtc)
    {
        var requeued = new List<int>();
        foreach (var entry in entries)
        {
            if (entry.State == ChunkState.Leased && holderIsGone(entry))
            {
                RequeueEntry(entry, reason, nowUtc);
                requeued.Add(entry.Index);
            }
        }

        return requeued;
    }

    /// <summary>
    /// Gives every lease a full lease period from now. A job activated anew (its silo died, or the cluster restarted)
    /// heard no renewals while it was away, so the leases it restores must not be judged by them; those whose silos
    /// are gone are returned by <see cref="RequeueLeasesOf"/> instead.
    /// </summary>
    public void RestartLeaseClocks(DateTime nowUtc)
    {
        foreach (var entry in entries.Where(e => e.State == ChunkState.Leased && e.LeaseExpiresUtc < nowUtc + policy.LeaseDuration))
        {
            entry.LeaseExpiresUtc = nowUtc + policy.LeaseDuration;
        }
    }

    /// <summary>Returns the chunks whose leases ran out to the queue, counting each as a failed attempt.</summary>
    public IReadOnlyList<int> ExpireLeases(DateTime nowUtc)
    {
        var expired = new List<int>();
        foreach (var entry in entries)
        {
            if (entry.State == ChunkState.Leased && entry.LeaseExpiresUtc <= nowUtc)
            {
                Release(entry, $"attempt {entry.Attempts} stopped reporting (its lease expired)", nowUtc);
                expired.Add(entry.Index);
            }
        }

        return expired;
    }

    public RowCounts CommittedCounts() =>
        entries.Where(e => e.Counts is not null).Aggregate(RowCounts.Zero, (sum, e) => sum.Add(e.Counts!));

    public long RowsInFlight() => entries.Where(e => e.State == ChunkState.Leased).Sum(e => e.RowsInFlight);

    /// <summary>Chunks running now, by the silo whose worker pool holds the lease.</summary>
    public SortedDictionary<string, int> RunningPerSilo()
    {
        var running = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var entry in entries.Where(e => e.State == ChunkState.Leased && e.Holder is not null))
        {
            running[entry.Holder!] = running.GetValueOrDefault(entry.Holder!) + 1;
        }

        return running;
    }

    /// <summary>Rows of committed chunks by the silo that processed them.</summary>
    public SortedDictionary<string, long> RowsPerSilo()
    {
        var rows = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var entry in entries.Where(e => e.State == ChunkState.Committed && e.CommittedBy is not null))
        {
            rows[entry.CommittedBy!] = rows.GetValueOrDefault(entry.CommittedBy!) + entry.Counts!.Total;
        }

        return rows;
    }

    // Within the free requeues, LastError keeps the chunk's own last error, which a chunk written as failed carries
    // into its rows; past them, the loss is the error.
    private void RequeueEntry(ChunkEntry entry, string reason, DateTime nowUtc)
    {
        entry.Requeues++;
        if (entry.Requeues > LedgerPolicy.FreeRequeues)
        {
            Release(entry, $"{reason} ({entry.Requeues} times)", nowUtc);
            return;
        }

        entry.State = ChunkState.Pending;
        entry.RowsInFlight = 0;
        entry.Holder = null;
    }

    private void Release(ChunkEntry entry, string error, DateTime nowUtc)
    {
        entry.State = ChunkState.Pending;
        entry.Holder = null;
        entry.Failures++;
        entry.LastError = error;
        entry.RowsInFlight = 0;
        var backoff = policy.RetryBaseDelay * Math.Pow(2, Math.Min(entry.Failures - 1, 16));
        entry.NotBeforeUtc = nowUtc + (backoff < policy.RetryMaxDelay ? backoff : policy.RetryMaxDelay);
    }
}
