namespace Scalability.GrainInterfaces.Jobs;

/// <summary>
/// What a job was asked to do and when it ran: the spec as settled at submission and the times of its phases. The
/// window from <see cref="SubmittedUtc"/> to <see cref="FinishedUtc"/> is the one whose scaling decisions belong to
/// the job's report.
/// </summary>
/// <param name="RunningSinceUtc">When planning ended and chunks could be leased; null while planning.</param>
/// <param name="FinishedUtc">When the job completed, failed or was cancelled; null while it runs.</param>
/// <param name="EstimatedCostUsd">The job's own estimate of its cost, made once it was planned; null before (or when none could be made).</param>
/// <param name="EstimatedDurationSeconds">The job's own estimate of its duration, submission to end; null likewise.</param>
[GenerateSerializer, Immutable, Alias("JobDetails")]
public sealed record JobDetails(
    [property: Id(0)] string JobId,
    [property: Id(1)] JobSpec Spec,
    [property: Id(2)] DateTime SubmittedUtc,
    [property: Id(3)] DateTime? RunningSinceUtc,
    [property: Id(4)] DateTime? FinishedUtc,
    [property: Id(5)] decimal? EstimatedCostUsd = null,
    [property: Id(6)] double? EstimatedDurationSeconds = null);
