using System.Runtime.CompilerServices;
using Orleans.Runtime;
using Scalability.GrainInterfaces.Costing;
using Scalability.GrainInterfaces.History;
using Scalability.GrainInterfaces.Jobs;
using Scalability.GrainInterfaces.Scaling;

namespace Scalability.Client;

/// <summary>
/// How a .NET service uses Scalability.Orleans: submit a job, watch its progress, read its summary, cancel it.
/// Works over any <see cref="IClusterClient"/>: an embedded silo's or a remote cluster's.
/// </summary>
public sealed class ScalabilityClient(IClusterClient cluster)
{
    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>A new job id: sortable by time, unique enough to never collide on one cluster.</summary>
    public static string NewJobId() => $"job-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..6]}";

    public Task<JobProgress> SubmitAsync(string jobId, JobSpec spec) => Job(jobId).Submit(spec);

    public Task<JobProgress> GetProgressAsync(string jobId) => Job(jobId).GetProgress();

    public Task<JobSummary?> GetSummaryAsync(string jobId) => Job(jobId).GetSummary();

    public Task CancelAsync(string jobId) => Job(jobId).Cancel();

    /// <summary>Stops the job leasing chunks (those in flight still commit) until <see cref="ResumeAsync"/>.</summary>
    public Task<JobProgress> PauseAsync(string jobId, string reason) => Job(jobId).Pause(reason);

    /// <summary>
    /// Lets a paused job lease chunks again, with a new budget when one is given (a job paused at its budget needs a
    /// larger one). Throws <see cref="ArgumentException"/>, with the figures, when the budget does not cover the next chunk.
    /// </summary>
    public Task<JobProgress> ResumeAsync(string jobId, decimal? budgetUsd = null) => Job(jobId).Resume(budgetUsd);

    /// <summary>The job's timeline so far (a sample every couple of seconds), oldest first.</summary>
    public Task<JobSample[]> GetTimelineAsync(string jobId) => Job(jobId).GetTimeline();

    /// <summary>The job's spec and the times it was submitted, started running and finished; null for an unknown id.</summary>
    public Task<JobDetails?> GetJobDetailsAsync(string jobId) => Job(jobId).GetDetails();

    /// <summary>
    /// The unfinished job started with the same spec over the same, unchanged input, if there is one: submitting
    /// again after a crash should resume it rather than start over.
    /// </summary>
    public Task<string?> FindUnfinishedJobAsync(JobSpec spec) => Directory.FindUnfinished(JobFingerprint.Of(spec));

    /// <summary>The ids of the cluster's unfinished jobs.</summary>
    public Task<string[]> GetUnfinishedJobsAsync() => Directory.GetUnfinishedJobs();

    /// <summary>The ids of the jobs that finished most recently (up to 50), newest first.</summary>
    public Task<string[]> GetRecentlyFinishedJobsAsync() => Directory.GetRecentlyFinishedJobs();

    /// <summary>The completed runs the cluster plans from, by processor key (<c>local</c>, <c>llm:&lt;model&gt;</c>, …), oldest first.</summary>
    public Task<Dictionary<string, RunRecord[]>> GetRunHistoryAsync() => History.GetAllRuns();

    /// <summary>Forgets a processor's runs (by its key), so that its next jobs are planned afresh; the runs forgotten.</summary>
    public Task<int> ForgetRunHistoryAsync(string processor) => History.Forget(processor);

    /// <summary>What a processor's completed runs measured, weighted towards those most like a dataset of these rows
    /// and bytes, as the cost model plans with it; null before the processor's first run.</summary>
    public Task<MeasuredProfile?> GetRunProfileAsync(string processor, long rows, long bytes) => History.GetProfileFor(processor, rows, bytes);

    /// <summary>Whether the cluster knows a job by this id (submitted at some point, finished or not).</summary>
    public async Task<bool> ExistsAsync(string jobId) => (await Job(jobId).GetProgress()).Status != JobStatus.None;

    /// <summary>How long a watch keeps trying while the cluster does not answer (a silo died and its grains are moving).</summary>
    public static readonly TimeSpan DefaultOutagePatience = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Progress snapshots until the job finishes, or pauses with no chunk left in flight; the last one is that state
    /// (a paused job's <see cref="JobProgress.Notice"/> says why). A cluster that stops answering
    /// for a while (its gateway or the job's silo died) is asked again until <see cref="DefaultOutagePatience"/> has
    /// passed without an answer.
    /// </summary>
    public async IAsyncEnumerable<JobProgress> WatchAsync(
        string jobId, TimeSpan? interval = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        DateTime? unansweredSince = null;
        while (true)
        {
            JobProgress progress;
            try
            {
                progress = await Job(jobId).GetProgress();
                unansweredSince = null;
            }
            catch (Exception e) when (e is OrleansException or TimeoutException && !cancellationToken.IsCancellationRequested)
            {
                unansweredSince ??= DateTime.UtcNow;
                if (DateTime.UtcNow - unansweredSince > DefaultOutagePatience)
                {
                    throw;
                }

                await Task.Delay(interval ?? DefaultPollInterval, cancellationToken);
                continue;
            }

            yield return progress;
            if (progress.Status.IsFinished() || progress.Status == JobStatus.None ||
                progress.Status == JobStatus.Paused && progress.ChunksRunning == 0)
            {
                yield break;
            }

            await Task.Delay(interval ?? DefaultPollInterval, cancellationToken);
        }
    }

    /// <summary>Waits for the job to finish and returns its summary.</summary>
    /// <exception cref="JobPausedException">The job paused (at its budget, or by request) before it finished.</exception>
    public async Task<JobSummary> WaitForCompletionAsync(string jobId, CancellationToken cancellationToken = default)
    {
        JobProgress? last = null;
        await foreach (var progress in WatchAsync(jobId, cancellationToken: cancellationToken))
        {
            last = progress;
        }

        if (last is { Status: JobStatus.Paused } paused)
        {
            throw new JobPausedException(paused);
        }

        return await Job(jobId).GetSummary()
               ?? throw new InvalidOperationException($"job '{jobId}' has no summary (status {last?.Status})");
    }

    /// <summary>
    /// Sets the cluster's workers by hand (the seed's <c>manual_scale(target, reason)</c>), holding them for
    /// <paramref name="holdFor"/> (default 10 minutes) before the AutoScaler's loop takes over again.
    /// </summary>
    public Task<ScalingDecision> ScaleAsync(int workers, string reason, TimeSpan? holdFor = null) =>
        Scaler.ManualScale(workers, reason, holdFor ?? DefaultManualHold);

    public static readonly TimeSpan DefaultManualHold = TimeSpan.FromMinutes(10);

    /// <summary>Hands the workers back to the AutoScaler's loop before a manual scale's time is up.</summary>
    public Task ResumeAutoScalingAsync() => Scaler.ResumeAutomatic();

    /// <summary>The AutoScaler's mode and bounds (<c>min_workers</c>, <c>max_auto_scale_workers</c>).</summary>
    public Task ConfigureAutoScalerAsync(AutoScalerSettings settings) => Scaler.Configure(settings);

    /// <summary>The real-time dashboard's figures: workers now and per silo, tickets per minute, error rate, ….</summary>
    public Task<DashboardSnapshot> GetDashboardAsync() => Scaler.GetDashboard();

    /// <summary>The AutoScaler's decisions since a time, oldest first, each with its reason and the figures it saw.</summary>
    public Task<ScalingDecision[]> GetScalingDecisionsAsync(DateTime sinceUtc) => Scaler.GetDecisions(sinceUtc);

    /// <summary>Each reporting silo's latest metrics window.</summary>
    public Task<SiloMetrics[]> GetSiloMetricsAsync() => Scaler.GetSilos();

    /// <summary>
    /// What a configuration is expected to cost and take for a dataset, with its range and assumptions. A request that
    /// gives only the rows (<see cref="PlanningRequest.ForTickets"/>) is planned for tickets like the synthetic
    /// generator's; one that names no system is planned on the resources of the silo that answers.
    /// </summary>
    public Task<CostProjection> ProjectAsync(PlanningRequest request, RunConfiguration configuration) => CostModel.Project(request, configuration);

    /// <summary>The cheapest configuration within the limits, the binding limits and the next-best ones; or, when none
    /// fits, the limits that cannot be met and the least change that would make a configuration fit.</summary>
    public Task<OptimizationResult> OptimizeAsync(PlanningRequest request, PlanningLimits limits) => CostModel.Optimize(request, limits);

    /// <summary>
    /// The comprehensive analysis: the projection of <paramref name="configuration"/> (null: the reference profile's)
    /// with its cost range, the optimal cost per ticket, and the recommended configuration under <paramref name="limits"/>.
    /// </summary>
    public Task<CostAnalysis> AnalyzeCostAsync(PlanningRequest request, PlanningLimits limits, RunConfiguration? configuration = null) =>
        CostModel.Analyze(request, configuration, limits);

    /// <summary>The llm processor's tokens per ticket, counted on a sample of an input file the silo can read.</summary>
    public Task<TokenEstimate> EstimateTokensAsync(TokenSampleRequest request) => CostModel.EstimateTokens(request);

    /// <summary>The cores and memory of the silo that answers, which plans default to.</summary>
    public Task<SystemProfile> GetSystemProfileAsync() => CostModel.GetSystemProfile();

    private IJobGrain Job(string jobId) => cluster.GetGrain<IJobGrain>(jobId);

    private IAutoScalerGrain Scaler => cluster.GetGrain<IAutoScalerGrain>(IAutoScalerGrain.Key);

    private ICostModelGrain CostModel => cluster.GetGrain<ICostModelGrain>(ICostModelGrain.Key);

    private IJobDirectoryGrain Directory => cluster.GetGrain<IJobDirectoryGrain>(IJobDirectoryGrain.Key);

    private IRunHistoryGrain History => cluster.GetGrain<IRunHistoryGrain>(IRunHistoryGrain.Key);
}
