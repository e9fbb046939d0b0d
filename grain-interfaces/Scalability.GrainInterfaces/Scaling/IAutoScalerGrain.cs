using Orleans.Concurrency;

namespace Scalability.GrainInterfaces.Scaling;

/// <summary>
/// The cluster's AutoScaler, keyed <see cref="Key"/>: every silo's worker pool reports its metrics and is told its
/// worker limit; a control loop sets the limits from the aggregated metrics and the target mode, and records every
/// change with its reason. A manual scale overrides the loop for a stated time. The read-only calls interleave: jobs
/// read the dashboard for their timelines while the loop may be waiting on those very jobs for the backlog.
/// </summary>
[Alias("IAutoScalerGrain")]
public interface IAutoScalerGrain : IGrainWithStringKey
{
    public const string Key = "cluster";

    /// <summary>A silo's latest window; the answer is the worker limit the silo is to run with.</summary>
    [Alias("Report")]
    Task<int> Report(SiloMetrics metrics);

    /// <summary>Sets the cluster's workers to <paramref name="workers"/> now, split over the silos, and holds them there
    /// for <paramref name="holdFor"/> before the loop resumes.</summary>
    [Alias("ManualScale")]
    Task<ScalingDecision> ManualScale(int workers, string reason, TimeSpan holdFor);

    /// <summary>Ends a manual override at once.</summary>
    [Alias("ResumeAutomatic")]
    Task ResumeAutomatic();

    [Alias("Configure")]
    Task Configure(AutoScalerSettings settings);

    /// <summary>
    /// A job behind its time limit asks for at least <paramref name="workers"/> workers for <paramref name="holdFor"/>
    /// (it asks again while it is behind). The loop then keeps the cluster at or above the largest such request, within
    /// its maximum, unless 429s, errors or memory make it cut. The answer is the number it will hold: at most the maximum,
    /// and 0 when the loop is off or a manual scale holds the workers.
    /// </summary>
    [Alias("RequestWorkersForDeadline")]
    Task<int> RequestWorkersForDeadline(string jobId, int workers, TimeSpan holdFor);

    [Alias("GetSettings"), AlwaysInterleave]
    Task<AutoScalerSettings> GetSettings();

    /// <summary>The decisions recorded since <paramref name="sinceUtc"/>, oldest first.</summary>
    [Alias("GetDecisions"), AlwaysInterleave]
    Task<ScalingDecision[]> GetDecisions(DateTime sinceUtc);

    [Alias("GetDashboard"), AlwaysInterleave]
    Task<DashboardSnapshot> GetDashboard();

    /// <summary>The latest report of each silo that is still reporting.</summary>
    [Alias("GetSilos"), AlwaysInterleave]
    Task<SiloMetrics[]> GetSilos();
}
