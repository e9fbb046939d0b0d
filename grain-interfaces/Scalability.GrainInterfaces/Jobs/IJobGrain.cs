namespace Scalability.GrainInterfaces.Jobs;

/// <summary>
/// One job, keyed by its id: owns the spec, the chunk table and the row accounting. Calls return at once; the work
/// runs on chunk grains, which report back.
/// </summary>
[Alias("IJobGrain")]
public interface IJobGrain : IGrainWithStringKey
{
    /// <summary>
    /// Starts the job, or returns its progress when a job with the same spec was already submitted under this id.
    /// A different spec under a used id is refused.
    /// </summary>
    [Alias("Submit")]
    Task<JobProgress> Submit(JobSpec spec);

    [Alias("GetProgress")]
    Task<JobProgress> GetProgress();

    /// <summary>The summary of a finished job; null while it runs.</summary>
    [Alias("GetSummary")]
    Task<JobSummary?> GetSummary();

    /// <summary>The job's timeline so far (every couple of seconds; thinned out evenly on long jobs), oldest first.</summary>
    [Alias("GetTimeline")]
    Task<JobSample[]> GetTimeline();

    /// <summary>The job's spec and the times of its phases; null when no job was submitted under this id.</summary>
    [Alias("GetDetails")]
    Task<JobDetails?> GetDetails();

    [Alias("Cancel")]
    Task Cancel();

    /// <summary>Stops leasing chunks; those in flight still commit. A finished job is left as it is.</summary>
    [Alias("Pause")]
    Task<JobProgress> Pause(string reason);

    /// <summary>
    /// Leases chunks again after a pause, with a new budget when one is given. Refused, with the figures, when the
    /// budget still does not cover the next chunk.
    /// </summary>
    [Alias("Resume")]
    Task<JobProgress> Resume(decimal? budgetUsd);

    /// <summary>
    /// Leases up to <paramref name="count"/> chunks to the worker pool of <paramref name="silo"/> (a parsable silo
    /// address), in input order. Empty when nothing is ready: the job is planning, finished, at its worker cap, or
    /// every chunk is leased, committed or waiting out a retry back-off.
    /// </summary>
    [Alias("LeaseChunks")]
    Task<ChunkWorkOrder[]> LeaseChunks(string silo, int count);

    /// <summary>
    /// Extends a chunk's lease while it runs and records its progress. False means the lease is no longer held by
    /// that attempt (the chunk was re-leased, committed by another attempt, or the job stopped): the attempt stops.
    /// </summary>
    [Alias("RenewLease")]
    Task<bool> RenewLease(int index, int attempt, long rowsDone);

    /// <summary>
    /// Commits a chunk (the first commit of a chunk counts; later ones are ignored) and leases up to
    /// <paramref name="wanted"/> more chunks to the reporting silo, so that its freed worker goes on without another
    /// round trip, and one save covers both.
    /// </summary>
    [Alias("ChunkCommitted")]
    Task<ChunkWorkOrder[]> ChunkCommitted(ChunkReport report, int wanted);

    /// <summary>Reports that an attempt at a chunk failed; the chunk is retried until it runs out of attempts.</summary>
    [Alias("ChunkFailed")]
    Task ChunkFailed(int index, int attempt, string error);

    /// <summary>
    /// Gives a lease back without counting a failure: the attempt stopped because its silo is shutting down, not
    /// because of the chunk. The chunk is leased again at once.
    /// </summary>
    [Alias("ChunkReleased")]
    Task ChunkReleased(int index, int attempt, string reason);
}
