namespace Scalability.Grains.Jobs;

/// <summary>Timings of the job machinery, set on each silo.</summary>
public sealed class JobOptions
{
    /// <summary>How long a chunk lease lasts without a renewal: the time to notice a chunk whose silo died.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often a running chunk renews its lease and reports its progress.</summary>
    public TimeSpan RenewInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often a job returns expired leases and those of departed silos to the queue.</summary>
    public TimeSpan HousekeepingInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How often a job with a time limit checks its projected finish, and asks for workers when behind.</summary>
    public TimeSpan DeadlineCheckInterval { get; set; } = TimeSpan.FromSeconds(4);

    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Unfinished jobs the cluster takes at once; a job submitted beyond it is refused. The job directory uses the value
    /// of the silo it runs on unless a limit was set on it (<c>IJobDirectoryGrain.SetJobLimit</c>). 0 for no limit.
    /// </summary>
    public int MaxConcurrentJobs { get; set; } = DefaultMaxConcurrentJobs;

    public const int DefaultMaxConcurrentJobs = 32;

    /// <summary>
    /// How long proposing new categories from a completed job's review file may take before it is given up (the job
    /// completes all the same, with the reason in its summary).
    /// </summary>
    public TimeSpan ProposalTimeLimit { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Free space to leave on the output's volume beyond what a job is estimated to write (see <c>OutputSpace</c>).</summary>
    public long OutputSpaceReserveBytes { get; set; }
}
