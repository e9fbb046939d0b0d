namespace Scalability.GrainInterfaces.Jobs;

public enum JobStatus
{
    /// <summary>No job has been submitted under this id.</summary>
    None = 0,
    /// <summary>Scanning the input for its chunk boundaries.</summary>
    Planning = 1,
    /// <summary>Chunks are being processed.</summary>
    Running = 2,
    /// <summary>Every chunk is settled; the parts are being joined into the output.</summary>
    Assembling = 3,
    /// <summary>The output is written. Some rows may still be failed or rejected: see the counts.</summary>
    Completed = 4,
    /// <summary>The job could not finish: see the error.</summary>
    Failed = 5,
    Cancelled = 6,
    /// <summary>
    /// No new chunks are leased, by request or because the next one could take the spend past the budget; the chunks
    /// in flight still commit. Resumable.
    /// </summary>
    Paused = 7,
}

public static class JobStatusExtensions
{
    public static bool IsFinished(this JobStatus status) =>
        status is JobStatus.Completed or JobStatus.Failed or JobStatus.Cancelled;
}
