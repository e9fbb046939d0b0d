using System.Text.Json.Serialization;

namespace Scalability.Grains.Jobs;

public enum ChunkState
{
    /// <summary>Waiting for a lease (first run, or a retry after its back-off).</summary>
    Pending = 0,
    /// <summary>Held by one attempt until the lease expires or the attempt reports.</summary>
    Leased = 1,
    /// <summary>Its part file is in place and its rows are counted. Never processed again.</summary>
    Committed = 2,
}

/// <summary>
/// One row of a job's chunk table. Kept small on purpose: the whole table is saved at every lease and commit, so
/// what a commit adds here is counts, not paths or per-category figures (those go to the job's totals), and fields at
/// their default value are left out of the stored JSON.
/// </summary>
[GenerateSerializer, Alias("ChunkEntry")]
public sealed class ChunkEntry
{
    [Id(0)] public int Index { get; set; }
    [Id(1)] public ChunkState State { get; set; }

    /// <summary>Attempts leased so far; the current or last attempt's number.</summary>
    [Id(2)] public int Attempts { get; set; }

    /// <summary>Attempts that failed (an error reported, or a lease that ran out).</summary>
    [Id(3), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public int Failures { get; set; }

    [Id(4), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public DateTime LeaseExpiresUtc { get; set; }

    /// <summary>A retried chunk is not leased again before this time.</summary>
    [Id(5), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public DateTime NotBeforeUtc { get; set; }

    [Id(6), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public string? LastError { get; set; }

    /// <summary>The attempt whose commit was accepted (0 until committed): its part files are the chunk's output.</summary>
    [Id(7), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public int CommittedAttempt { get; set; }

    /// <summary>The committed attempt's row counts.</summary>
    [Id(9), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public RowCounts? Counts { get; set; }

    /// <summary>Whether the committed attempt wrote a rejects part.</summary>
    [Id(10), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public bool HasRejects { get; set; }

    /// <summary>Rows done by the running attempt, as last reported; for progress only.</summary>
    [Id(8), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public long RowsInFlight { get; set; }

    /// <summary>The silo whose worker pool holds the current lease (its parsable address).</summary>
    [Id(11), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public string? Holder { get; set; }

    /// <summary>The silo that ran the committed attempt.</summary>
    [Id(12), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public string? CommittedBy { get; set; }

    /// <summary>Leases given back or lost with their silo: attempts that ended through no fault of the chunk.</summary>
    [Id(13), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public int Requeues { get; set; }

    /// <summary>Whether the committed attempt wrote a review part.</summary>
    [Id(14), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public bool HasReview { get; set; }
}
