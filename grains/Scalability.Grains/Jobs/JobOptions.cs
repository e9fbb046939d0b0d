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
}
