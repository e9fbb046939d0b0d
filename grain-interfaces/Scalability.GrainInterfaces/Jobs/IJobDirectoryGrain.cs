namespace Scalability.GrainInterfaces.Jobs;

/// <summary>
/// The cluster's list of unfinished jobs, keyed <see cref="Key"/>. Silo worker pools read it to find work, which is
/// also how a job interrupted by a restart is picked up again; clients read it to resume a job they started before.
/// </summary>
[Alias("IJobDirectoryGrain")]
public interface IJobDirectoryGrain : IGrainWithStringKey
{
    public const string Key = "cluster";

    /// <summary>
    /// Lists a job as unfinished under the fingerprint of its spec and input (see <see cref="JobFingerprint"/>). Throws an
    /// <see cref="ArgumentException"/> naming the limit and the unfinished jobs when the cluster already has as many as
    /// its job limit allows.
    /// </summary>
    [Alias("Register")]
    Task Register(string jobId, string fingerprint);

    /// <summary>
    /// Sets how many unfinished jobs the cluster takes at once (0 for no limit), or with null goes back to the setting
    /// of the silos (<c>JobOptions.MaxConcurrentJobs</c>). Jobs already listed are kept.
    /// </summary>
    [Alias("SetJobLimit")]
    Task SetJobLimit(int? limit);

    /// <summary>The job limit in force: 0 for none.</summary>
    [Alias("GetJobLimit")]
    Task<int> GetJobLimit();

    /// <summary>Removes a job that has finished; unknown ids are ignored.</summary>
    [Alias("Unregister")]
    Task Unregister(string jobId);

    [Alias("GetUnfinishedJobs")]
    Task<string[]> GetUnfinishedJobs();

    /// <summary>The jobs that finished most recently (up to 50), newest first.</summary>
    [Alias("GetRecentlyFinishedJobs")]
    Task<string[]> GetRecentlyFinishedJobs();

    /// <summary>The unfinished job started with the same spec on the same input, if there is one.</summary>
    [Alias("FindUnfinished")]
    Task<string?> FindUnfinished(string fingerprint);
}
