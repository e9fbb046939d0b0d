using Scalability.GrainInterfaces.Jobs;

namespace Scalability.Client;

/// <summary>A job being waited for paused instead of finishing: at its budget, or by request. It can be resumed.</summary>
public sealed class JobPausedException(JobProgress progress)
    : Exception($"job '{progress.JobId}' is paused: {progress.Notice ?? "no reason was given"}")
{
    /// <summary>The job's state when it paused: spend, budget, projected cost and rows done.</summary>
    public JobProgress Progress { get; } = progress;
}
