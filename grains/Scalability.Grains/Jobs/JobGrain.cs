using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Scalability.GrainInterfaces.Costing;
using Scalability.GrainInterfaces.History;
using Scalability.GrainInterfaces.Quality;
using Scalability.Grains.Costing;
using Scalability.Grains.History;
using Scalability.Grains.Ingest;
using Scalability.Grains.Output;
using Scalability.Grains.Quality;
using Scalability.Grains.Scaling;
using Scalability.Grains.Security;
using Scalability.Grains.Telemetry;

namespace Scalability.Grains.Jobs;

/// <summary>
/// A job: plans the input into chunks, leases them to the silos' worker pools as they ask, counts their commits and,
/// once every chunk is committed, joins the parts into the output. The chunk table is saved at every lease and
/// commit, so a job interrupted by a restart continues where it was without redoing a committed chunk. Scanning and
/// joining run off the grain's turn; every call returns at once.
/// </summary>
public sealed class JobGrain(
    [PersistentState("job", StorageNames.Jobs)] IPersistentState<JobState> state,
    [PersistentState("job-plan", StorageNames.Jobs)] IPersistentState<JobPlan> plan,
    [PersistentState("job-timeline", StorageNames.Jobs)] IPersistentState<JobTimeline> timeline,
    IClusterMembershipService membership,
    SiloWorkerPool localPool,
    IOptions<JobOptions> options,
    DataRoots dataRoots,
    ILogger<JobGrain> logger) : Grain, IJobGrain
{
    private readonly SemaphoreSlim _saving = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    // Leases granted by this activation; any other lease in the table was restored from storage.
    private readonly HashSet<(int Index, int Attempt)> _leasedHere = [];
    private readonly JobTrace _trace = new();
    private ChunkLedger? _ledger;
    private IGrainTimer? _housekeepingTimer;
    private bool _finishing;
    private decimal? _worstChunkUsd;
    private DateTime _nextDeadlineCheckUtc;
    private Task _estimating = Task.CompletedTask;
    private Task _cleanup = Task.CompletedTask;
    // The ETA's rate counts from the first commit of this activation: when it came and the rows then (not saved).
    private (DateTime TimeUtc, long Rows)? _firstCommit;
    // Seconds from the last commit to the end of a job like this one, from the history; 0 without (not saved).
    private double _expectedEndSeconds;

    private string JobId => this.GetPrimaryKeyString();
    private JobState Job => state.State;
    private DatasetManifest? Manifest => plan.State.Manifest;
    private ColumnMapping? Mapping => plan.State.Mapping;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // A job found mid-way was interrupted by a restart: pick it up where its saved state says it was.
        switch (Job.Status)
        {
            case JobStatus.Planning:
                StartPlanning();
                break;
            case JobStatus.Running:
            case JobStatus.Paused:
                Ledger.RestartLeaseClocks(DateTime.UtcNow);
                StartHousekeeping();
                break;
            case JobStatus.Assembling:
                StartAssembling();
                break;
        }

        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _stopping.Cancel();
        await _cleanup.WaitAsync(cancellationToken);
    }

    public async Task<JobProgress> Submit(JobSpec submitted)
    {
        var spec = JobSpecs.Settle(submitted);
        if (Job.Spec is not null)
        {
            if (!JobSpecs.SameJob(Job.Spec, spec))
            {
                throw new ArgumentException($"job '{JobId}' already exists for input '{Job.Spec.InputPath}' with other settings; use a new job id");
            }

            await TakeNewLimitsAsync(spec);
            return Progress();
        }

        // A plug-in is code the silos would load and run: from under a data root only, checked before it is loaded.
        dataRoots.CheckPlugin(spec.EffectiveProcessor);
        JobSpecs.Validate(spec);
        // Refused before anything is saved: a job this silo may not read or write is bad input, not a failed job.
        dataRoots.CheckJob(spec.InputPath, spec.OutputPath);
        // Listed before anything is saved, so that a job the directory refuses (the cluster's job limit) leaves no
        // trace, and before planning starts, so that a restart in the middle of planning is picked up too.
        // The spec as submitted: the same submission made again finds this job.
        await JobDirectory.Register(JobId, JobFingerprint.Of(submitted));
        Job.Spec = spec;
        Job.BudgetUsd = spec.BudgetUsd;
        Job.TimeLimitHours = spec.TimeLimitHours;
        Job.Status = JobStatus.Planning;
        Job.SubmittedUtc = DateTime.UtcNow;
        Job.TraceParent = _trace.Start(JobId, spec);
        try
        {
            await SaveAsync();
        }
        catch
        {
            // Not saved, so not a job: it must not hold a place under the job limit.
            Job.Spec = null;
            Job.Status = JobStatus.None;
            await JobDirectory.Unregister(JobId);
            throw;
        }

        logger.LogInformation("Job {JobId} submitted for {Input}", JobId, spec.InputPath);
        StartPlanning();
        return Progress();
    }

    public Task<JobProgress> GetProgress() => Task.FromResult(Progress());

    public Task<JobSummary?> GetSummary() => Task.FromResult(Job.Summary);

    public Task<JobSample[]> GetTimeline() => Task.FromResult(timeline.State.Samples.ToArray());

    public Task<JobDetails?> GetDetails() => Task.FromResult(Job.Spec is { } spec
        ? new JobDetails(JobId, spec, Job.SubmittedUtc, Job.RunningSinceUtc, Job.FinishedUtc, Job.EstimatedCostUsd, Job.EstimatedDurationSeconds)
        : null);

    /// <summary>The cluster's figures for a timeline sample; none when the AutoScaler cannot be reached just now.</summary>
    private async Task<DashboardSnapshot?> ClusterFiguresAsync()
    {
        try
        {
            return await GrainFactory.GetGrain<IAutoScalerGrain>(IAutoScalerGrain.Key).GetDashboard();
        }
        catch (Exception e) when (e is OrleansException or TimeoutException)
        {
            return null;
        }
    }

    /// <summary>Takes a timeline sample when one is due; saves the timeline every few samples, and always when asked.</summary>
    private async Task SampleAsync(DateTime now, bool final = false)
    {
        // The last point is taken whenever the job ends, so that the timeline reaches its final counts.
        var due = final || timeline.State.Due(now);
        if (due)
        {
            var progress = Progress();
            var previous = timeline.State.Last;
            var seconds = previous is null ? (now - (Job.RunningSinceUtc ?? now)).TotalSeconds : (now - previous.TimeUtc).TotalSeconds;
            var rows = progress.Counts.Total - (previous?.ProcessedRows ?? 0);
            var cluster = await ClusterFiguresAsync();
            timeline.State.Add(new JobSample(now, progress.Counts.Total, progress.Counts.Ok, progress.Counts.Failed,
                progress.Counts.Rejected, seconds > 0 ? rows / seconds : 0, progress.ChunksDone,
                Job.Chunks.Count > 0 ? Ledger.RunningPerSilo() : new SortedDictionary<string, int>(),
                Job.Usage.Requests, Job.Usage.RateLimited, Job.Usage.CostUsd, progress.EtaSeconds,
                cluster?.CurrentWorkers ?? 0, cluster?.TicketLatencyP50Ms ?? 0, cluster?.TicketLatencyP95Ms ?? 0,
                cluster?.CpuPercent ?? 0, cluster?.MemoryPercent ?? 0));
        }

        if (final || (due && timeline.State.Samples.Count % 5 == 0))
        {
            await timeline.WriteStateAsync();
        }
    }

    public async Task Cancel()
    {
        if (Job.Status.IsFinished() || Job.Status == JobStatus.None)
        {
            return;
        }

        await FinishAsync(JobStatus.Cancelled, "cancelled");
    }

    public async Task<ChunkWorkOrder[]> LeaseChunks(string silo, int count)
    {
        if (Job.Status.IsFinished())
        {
            // A pool still sees this job: the directory missed its removal (a crash in between). Remove it again.
            await JobDirectory.Unregister(JobId);
            return [];
        }

        var status = Job.Status;
        var orders = Lease(silo, count);
        if (orders.Length > 0 || Job.Status != status)
        {
            // Saved before the work starts, so that an attempt number is never handed out twice.
            await SaveAsync();
        }

        return orders;
    }

    public async Task<JobProgress> Pause(string reason)
    {
        if (Job.Status is JobStatus.Planning or JobStatus.Running)
        {
            Job.Status = JobStatus.Paused;
            Job.PausedForBudget = false;
            Job.Notice = $"paused by request: {reason}";
            await SaveAsync();
            logger.LogInformation("Job {JobId}: {Notice}", JobId, Job.Notice);
        }

        return Progress();
    }

    public async Task<JobProgress> Resume(decimal? budgetUsd)
    {
        BudgetGuard.Validate(budgetUsd);
        if (Job.Status.IsFinished() || Job.Status == JobStatus.None)
        {
            return Progress();
        }

        Job.BudgetUsd = budgetUsd ?? Job.BudgetUsd;
        if (Job.Status == JobStatus.Paused)
        {
            if (Manifest is not null && Job.BudgetUsd is { } budget &&
                BudgetGuard.Allowed(budget, Job.Usage.CostUsd, Ledger.Running, WorstChunkUsd, 1) == 0 && Ledger.Running == 0)
            {
                throw new ArgumentException(BudgetGuard.TooSmall(budget, Job.Usage.CostUsd, Ledger.Running, WorstChunkUsd));
            }

            Job.Status = Manifest is null ? JobStatus.Planning : JobStatus.Running;
            Job.Notice = null;
            Job.PausedForBudget = false;
            logger.LogInformation("Job {JobId} resumed with a budget of {Budget}", JobId, Job.BudgetUsd);
            if (Job.Status == JobStatus.Planning)
            {
                StartPlanning();
            }
        }

        await SaveAsync();
        localPool.WakeUp();
        return Progress();
    }

    /// <summary>
    /// The same job submitted again may bring a new budget or time limit (one left out keeps the job's); a larger
    /// budget lifts a pause that the budget caused, when it covers the next chunk.
    /// </summary>
    private async Task TakeNewLimitsAsync(JobSpec spec)
    {
        if (Job.Status.IsFinished() ||
            (spec.BudgetUsd is null || spec.BudgetUsd == Job.BudgetUsd) && (spec.TimeLimitHours is null || spec.TimeLimitHours == Job.TimeLimitHours))
        {
            return;
        }

        JobSpecs.ValidateLimits(spec);
        Job.TimeLimitHours = spec.TimeLimitHours ?? Job.TimeLimitHours;
        if (spec.BudgetUsd is { } budget)
        {
            Job.BudgetUsd = budget;
            if (Job.Status == JobStatus.Paused && Job.PausedForBudget &&
                BudgetGuard.Allowed(budget, Job.Usage.CostUsd, Ledger.Running, WorstChunkUsd, 1) > 0)
            {
                await Resume(budget);
                return;
            }
        }

        await SaveAsync();
    }

    public Task<bool> RenewLease(int index, int attempt, long rowsDone) =>
        Task.FromResult(AcceptsChunkReports && Ledger.Renew(index, attempt, rowsDone, DateTime.UtcNow));

    public async Task<ChunkWorkOrder[]> ChunkCommitted(ChunkReport report, int wanted)
    {
        if (!AcceptsChunkReports || report.Index < 0 || report.Index >= Job.Chunks.Count)
        {
            return [];
        }

        if (Ledger.Commit(report) == CommitOutcome.Duplicate)
        {
            logger.LogInformation("Job {JobId}: ignored a second commit of chunk {Index} (attempt {Attempt})", JobId, report.Index, report.Attempt);
            return [];
        }

        _firstCommit ??= (DateTime.UtcNow, Ledger.CommittedCounts().Total + Ledger.RowsInFlight());

        foreach (var (category, count) in report.Categories)
        {
            Job.Categories[category] = Job.Categories.GetValueOrDefault(category) + count;
        }

        foreach (var (kind, count) in report.Failures)
        {
            Job.Failures[kind] = Job.Failures.GetValueOrDefault(kind) + count;
        }

        if (report.Quality is { } quality)
        {
            Job.Quality.Add(quality);
        }

        Job.Usage = Job.Usage.Add(report.Usage);
        Job.BusyWorkerSeconds += report.Seconds;
        // Failed output rows against all the output rows there will be: conversations, in conversation mode.
        var (units, unit) = Mapping!.IsConversation ? (Manifest!.Conversations, "conversations") : (Manifest!.RowCount, "rows");
        if (ErrorBudget.Exceeded(Ledger.CommittedCounts().Failed, units, Job.Spec!.MaxFailedFraction, unit) is { } overBudget)
        {
            await FinishAsync(JobStatus.Failed, overBudget);
            return [];
        }

        if (Ledger.AllCommitted)
        {
            await StartAssemblingAsync();
            return [];
        }

        // One save covers the commit and the leases that take its place.
        var next = Lease(report.Silo, wanted);
        await SaveAsync();
        return next;
    }

    public async Task ChunkFailed(int index, int attempt, string error)
    {
        if (!AcceptsChunkReports || index < 0 || index >= Job.Chunks.Count)
        {
            return;
        }

        if (Ledger.Fail(index, attempt, error, DateTime.UtcNow))
        {
            logger.LogWarning("Job {JobId}: chunk {Index} attempt {Attempt} failed: {Error}", JobId, index, attempt, error);
            await SaveAsync();
        }
    }

    public async Task ChunkReleased(int index, int attempt, string reason)
    {
        if (!AcceptsChunkReports || index < 0 || index >= Job.Chunks.Count)
        {
            return;
        }

        if (Ledger.Requeue(index, attempt, $"attempt {attempt} was given back: {reason}", DateTime.UtcNow))
        {
            logger.LogInformation("Job {JobId}: chunk {Index} attempt {Attempt} was given back: {Reason}", JobId, index, attempt, reason);
            await SaveAsync();
            localPool.WakeUp();
        }
    }

    private ChunkLedger Ledger =>
        _ledger ??= new ChunkLedger(Job.Chunks, LedgerPolicy.From(options.Value, Job.Spec!.MaxChunkAttempts));

    /// <summary>
    /// Chunk reports change the job only while it runs or is paused (chunks in flight at a pause still commit), and
    /// is not being wound up.
    /// </summary>
    private bool AcceptsChunkReports => Job.Status is JobStatus.Running or JobStatus.Paused && !_finishing;

    /// <summary>The most one attempt at the job's largest chunk can be billed: what the budget guard reserves per chunk.</summary>
    private decimal WorstChunkUsd => _worstChunkUsd ??= new WorstCaseSpend(Job.Spec!.EffectiveProcessor).OfLargest(Manifest!.Chunks);

    /// <summary>
    /// Leases up to <paramref name="count"/> chunks to a silo's pool, as many as the budget allows; the caller saves
    /// before answering (also when the budget paused the job).
    /// </summary>
    private ChunkWorkOrder[] Lease(string silo, int count)
    {
        if (Job.Status != JobStatus.Running || _finishing || count <= 0)
        {
            return [];
        }

        var now = DateTime.UtcNow;
        var allowed = BudgetGuard.Allowed(Job.BudgetUsd, Job.Usage.CostUsd, Ledger.Running, WorstChunkUsd, count);
        var leased = Ledger.Lease(JobId, silo, now, MaxRunning, allowed);
        PauseIfOutOfBudget(now);
        if (leased.Count == 0)
        {
            return [];
        }

        var input = Manifest! with { Chunks = [] };
        var partDirectory = PartFiles.PartDirectory(Job.Spec!.OutputPath);
        return leased.Select(assignment =>
        {
            _leasedHere.Add((assignment.Index, assignment.Attempt));
            return new ChunkWorkOrder(assignment, input, Manifest.Chunks[assignment.Index], Mapping!, Job.Spec.EffectiveProcessor, partDirectory, Job.TraceParent,
                Job.Spec.AllowFormulas, Job.Spec.ReviewBelow);
        }).ToArray();
    }

    private int MaxRunning => Job.Spec!.MaxWorkers > 0 ? Job.Spec.MaxWorkers : int.MaxValue;

    /// <summary>
    /// Pauses the job when chunks wait that the budget cannot cover and none is in flight. While chunks are in flight
    /// the job only leases fewer: each commit gives back the part of its reserve that it did not spend.
    /// </summary>
    private void PauseIfOutOfBudget(DateTime now)
    {
        if (Job.BudgetUsd is not { } budget || Ledger.Running > 0 || Ledger.Leasable(now) == 0 ||
            BudgetGuard.Allowed(budget, Job.Usage.CostUsd, 0, WorstChunkUsd, 1) > 0)
        {
            return;
        }

        var counts = Ledger.CommittedCounts();
        var remaining = Math.Max(0, Manifest!.RowCount - counts.Total);
        Job.Status = JobStatus.Paused;
        Job.PausedForBudget = true;
        Job.Notice = BudgetGuard.PauseReason(JobId, budget, Job.Usage.CostUsd, 0, WorstChunkUsd, remaining, ProjectedCost(counts.Total));
        logger.LogInformation("Job {JobId}: {Notice}", JobId, Job.Notice);
    }

    private decimal? ProjectedCost(long rowsDone) =>
        BudgetGuard.Projected(Job.Usage.CostUsd, rowsDone, Manifest?.RowCount ?? 0, Job.EstimatedCostUsd);

    private IJobDirectoryGrain JobDirectory => GrainFactory.GetGrain<IJobDirectoryGrain>(IJobDirectoryGrain.Key);

    private void StartPlanning() => _ = PlanAsync();

    private async Task PlanAsync()
    {
        var spec = Job.Spec!;
        try
        {
            var (manifest, mapping) = await Task.Run(() =>
            {
                // Checked again on the silo that plans, just before it reads: a link may have changed since submission.
                dataRoots.Check(spec.InputPath, "the input");
                var scanned = ManifestScanner.Scan(spec.InputPath, spec.ChunkSize, spec.ConversationColumn, spec.OrderColumn, spec.Limits, _stopping.Token,
                    ChunkSizing.TargetChunksFor(spec.EffectiveProcessor));
                var columns = ColumnMapper.Map(spec.InputPath, ColumnSample.Read(spec.InputPath, spec.Limits), spec.IdColumn, spec.TextColumns, spec.KeepColumns,
                    spec.ConversationColumn, spec.OrderColumn);
                var needed = OutputSpace.Estimate(scanned.ByteSize, scanned.RowCount, spec.EffectiveProcessor.SummaryMaxChars);
                EnsureOutputSpace(spec.OutputPath, needed);
                return (scanned, columns);
            });
            if (Job.Status != JobStatus.Planning || _finishing)
            {
                return;
            }

            plan.State.Manifest = manifest;
            plan.State.Mapping = mapping;
            await plan.WriteStateAsync();
            Job.Chunks = ChunkLedger.Create(manifest.Chunks.Length);
            _ledger = null;
            Job.Status = JobStatus.Running;
            Job.RunningSinceUtc = DateTime.UtcNow;
            await SaveAsync();
            logger.LogInformation("Job {JobId}: {Rows} rows in {Chunks} chunks", JobId, manifest.RowCount, manifest.Chunks.Length);
            StartHousekeeping();
            localPool.WakeUp();
            // Beside the first chunks rather than before them: sampling the input for tokens takes a moment.
            _estimating = EstimateAsync(spec, manifest, mapping);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Deactivating: the next activation plans again.
        }
        catch (Exception e)
        {
            if (e is not (InputException or OutputSpaceException or ArgumentException or IOException or UnauthorizedAccessException))
            {
                logger.LogError(e, "Job {JobId}: planning failed", JobId);
            }

            // Refused before any work: an unusable input, or too little room for the output, is the user's to fix.
            await FinishAsync(JobStatus.Failed, e.Message, badInput: e is InputException or OutputSpaceException);
        }
    }

    /// <summary>Refuses to go on when the output's volume has less free space than <paramref name="needed"/> and the reserve.</summary>
    private void EnsureOutputSpace(string outputPath, long needed)
    {
        if (OutputSpace.Shortfall(outputPath, needed, OutputSpace.Available(outputPath), options.Value.OutputSpaceReserveBytes) is { } shortfall)
        {
            throw new OutputSpaceException(shortfall);
        }
    }

    /// <summary>
    /// The estimate of the job's cost and duration, made once it is planned, for its progress, its summary and the
    /// history. A job runs the same without one, so nothing here can fail it.
    /// </summary>
    private async Task EstimateAsync(JobSpec spec, DatasetManifest manifest, ColumnMapping mapping)
    {
        try
        {
            var tokens = await Task.Run(() => PreRunEstimate.SampleTokens(spec, mapping, _stopping.Token));
            var history = await RunHistoryGrain.GetRuns(RunHistory.ProcessorKey(spec.EffectiveProcessor));
            _expectedEndSeconds = RunHistory.EstimateEnd(history, manifest.RowCount, manifest.ByteSize) ?? 0;
            var cluster = await ClusterFiguresAsync();
            var estimate = PreRunEstimate.Make(spec, manifest, tokens, history, cluster?.CurrentWorkers ?? 0, SystemProfiler.Current());
            if (Job.Status.IsFinished() || _finishing)
            {
                return;
            }

            Job.EstimatedCostUsd = estimate.CostUsd;
            Job.EstimatedDurationSeconds = estimate.DurationSeconds;
            await SaveAsync();
            logger.LogInformation("Job {JobId}: estimated cost {Cost}, duration {Duration:0.#} s ({Basis})",
                JobId, estimate.CostUsd, estimate.DurationSeconds, estimate.Basis);
        }
        catch (Exception e) when (e is not OperationCanceledException || !_stopping.IsCancellationRequested)
        {
            logger.LogWarning(e, "Job {JobId}: no estimate could be made", JobId);
        }
    }

    private IRunHistoryGrain RunHistoryGrain => GrainFactory.GetGrain<IRunHistoryGrain>(IRunHistoryGrain.Key);

    private void StartHousekeeping()
    {
        _housekeepingTimer?.Dispose();
        _housekeepingTimer = this.RegisterGrainTimer(
            HousekeepAsync,
            new GrainTimerCreationOptions(TimeSpan.Zero, options.Value.HousekeepingInterval) { KeepAlive = true });
    }

    /// <summary>
    /// Returns to the queue the leases that ran out and those held by silos that left the cluster, and gives up
    /// when a chunk can be neither processed nor written as failed.
    /// </summary>
    private async Task HousekeepAsync()
    {
        if (!AcceptsChunkReports)
        {
            return;
        }

        var now = DateTime.UtcNow;
        await SampleAsync(now);
        await CheckDeadlineAsync(now);
        var expired = Ledger.ExpireLeases(now);
        IReadOnlyList<int> orphaned = [];
        if (Ledger.Running > 0)
        {
            var members = membership.CurrentSnapshot.Members.ToDictionary(member => member.Key, member => member.Value.Status);
            orphaned = Ledger.RequeueLeasesOf(
                entry => entry.Holder is { } holder && SiloLiveness.IsGone(holder, members, restored: !_leasedHere.Contains((entry.Index, entry.Attempts))),
                "its silo left the cluster while running it",
                now);
        }

        if (orphaned.Count > 0)
        {
            logger.LogInformation("Job {JobId}: chunks {Chunks} went back to the queue: their silo left the cluster", JobId, string.Join(", ", orphaned));
        }

        if (Ledger.GivenUp.FirstOrDefault() is { } lost)
        {
            await FinishAsync(JobStatus.Failed, $"chunk {lost.Index} could not be processed nor written as failed: {lost.LastError}");
            return;
        }

        if (Ledger.AllCommitted)
        {
            await StartAssemblingAsync();
            return;
        }

        var status = Job.Status;
        if (status == JobStatus.Running)
        {
            // A commit that leased nothing more (its pool wanted no more work) leaves no one else to notice.
            PauseIfOutOfBudget(now);
        }

        if (expired.Count > 0 || orphaned.Count > 0 || Job.Status != status)
        {
            await SaveAsync();
            localPool.WakeUp();
        }
    }

    /// <summary>
    /// With a time limit: every few seconds, projects the finish from the recent rate and, when it falls after the
    /// limit, asks the AutoScaler for the workers that would make it, warning when even its maximum cannot.
    /// </summary>
    private async Task CheckDeadlineAsync(DateTime now)
    {
        if (Job.TimeLimitHours is not { } hours || Job.Status != JobStatus.Running || now < _nextDeadlineCheckUtc)
        {
            return;
        }

        _nextDeadlineCheckUtc = now + options.Value.DeadlineCheckInterval;
        var deadline = Job.SubmittedUtc + TimeSpan.FromHours(hours);
        var recent = timeline.State.Samples.TakeLast(3).Select(s => s.TicketsPerSecond).Where(rate => rate > 0).ToList();
        var progress = Progress();
        var rate = recent.Count > 0 ? recent.Average() : progress.TicketsPerSecond;
        var cluster = await ClusterFiguresAsync();
        var plan = DeadlinePlanner.Plan(now, deadline, progress.InputRows - progress.ProcessedRows, rate, cluster?.CurrentWorkers ?? 0);
        string? notice = null;
        if (plan is { Workers: > 0 })
        {
            var granted = 0;
            try
            {
                granted = await GrainFactory.GetGrain<IAutoScalerGrain>(IAutoScalerGrain.Key)
                    .RequestWorkersForDeadline(JobId, plan.Workers, 3 * options.Value.DeadlineCheckInterval);
            }
            catch (Exception e) when (e is OrleansException or TimeoutException)
            {
                // Not reaching it says nothing of whether it is on: keep the notice as it is and ask again at the next check.
                logger.LogDebug(e, "Job {JobId}: could not reach the AutoScaler", JobId);
                return;
            }

            notice = DeadlinePlanner.Notice(plan, deadline, granted);
        }

        if (notice != Job.DeadlineNotice)
        {
            Job.DeadlineNotice = notice;
            if (notice is not null)
            {
                logger.LogWarning("Job {JobId}: {Notice}", JobId, notice);
            }

            await SaveAsync();
        }
    }

    private async Task StartAssemblingAsync()
    {
        // A job quicker than its own estimate still has one in its summary and its history.
        await _estimating;
        Job.Status = JobStatus.Assembling;
        Job.AssemblingSinceUtc = DateTime.UtcNow;
        await SaveAsync();
        StartAssembling();
    }

    private void StartAssembling()
    {
        _housekeepingTimer?.Dispose();
        _housekeepingTimer = null;
        _ = AssembleAsync();
    }

    private async Task AssembleAsync()
    {
        var spec = Job.Spec!;
        var partDirectory = PartFiles.PartDirectory(spec.OutputPath);
        var parts = Job.Chunks.Select(c => PartFiles.Part(partDirectory, c.Index, c.CommittedAttempt)).ToArray();
        var rejectParts = Job.Chunks.Where(c => c.HasRejects).Select(c => PartFiles.Rejects(partDirectory, c.Index, c.CommittedAttempt)).ToArray();
        var reviewParts = Job.Chunks.Where(c => c.HasReview).Select(c => PartFiles.Review(partDirectory, c.Index, c.CommittedAttempt)).ToArray();
        var rejectsPath = PartFiles.RejectsPath(spec.OutputPath);
        var reviewPath = PartFiles.ReviewPath(spec.OutputPath);
        var reviewTickets = Job.Quality.Review;
        var anyRejects = rejectParts.Length > 0;
        var header = Mapping!.OutputHeader;
        var reviewHeader = ReviewFile.Header(Mapping);
        FoundProposals proposals;
        try
        {
            // Off the grain's turn: grain state is not to be touched in here.
            proposals = await Task.Run(async () =>
            {
                dataRoots.CheckJob(spec.InputPath, spec.OutputPath);
                // The parts are all written now: the output needs as much again.
                EnsureOutputSpace(spec.OutputPath, parts.Concat(rejectParts).Concat(reviewParts).Sum(part => new FileInfo(part).Length));
                // The review file first, written even when empty (so that it never holds the review of an earlier run of
                // the same output), and clustered while the results are joined.
                OutputAssembler.Assemble(reviewPath, reviewHeader, reviewParts, _stopping.Token);
                var proposing = Task.Run(() =>
                    ReviewProposals.Find(reviewPath, reviewTickets, ProposerOptions.Default, options.Value.ProposalTimeLimit, _stopping.Token));
                try
                {
                    OutputAssembler.Assemble(spec.OutputPath, header, parts, _stopping.Token);
                    if (anyRejects)
                    {
                        OutputAssembler.Assemble(rejectsPath, PartFiles.RejectsHeader, rejectParts, _stopping.Token);
                    }
                    else
                    {
                        // A rejects file from an earlier run of the same output would describe rows this run accepted.
                        File.Delete(rejectsPath);
                    }
                }
                catch
                {
                    // Not left running past the assembly it belongs to; its own outcome no longer matters.
                    await ((Task)proposing).ConfigureAwait(ConfigureAwaitOptions.ContinueOnCapturedContext | ConfigureAwaitOptions.SuppressThrowing);
                    throw;
                }

                var (found, run) = await proposing;
                return new FoundProposals(reviewPath, found, run);
            });
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            return; // Deactivating: the next activation assembles again from the same parts.
        }
        catch (OutputSpaceException e)
        {
            logger.LogWarning("Job {JobId}: {Reason}", JobId, e.Message);
            await FinishAsync(JobStatus.Failed, $"{e.Message} (the job's part files, kept in {partDirectory}, may be deleted)");
            return;
        }
        catch (Exception e)
        {
            logger.LogError(e, "Job {JobId}: assembly failed", JobId);
            await FinishAsync(JobStatus.Failed, $"could not write the output '{spec.OutputPath}': {e.Message}");
            return;
        }

        if (Job.Status != JobStatus.Assembling || _finishing)
        {
            return;
        }

        if (proposals.Run.Note is { } note && proposals.Run.ReviewTickets > 0)
        {
            logger.LogInformation("Job {JobId}: no proposed categories: {Note}", JobId, note);
        }

        await FinishAsync(JobStatus.Completed, null, anyRejects ? rejectsPath : null, proposals: proposals);
    }

    /// <summary>The review file of a completed job and the categories proposed from it.</summary>
    private sealed record FoundProposals(string ReviewPath, IReadOnlyList<ProposedCategory> Proposals, ProposalRun Run);

    /// <summary>
    /// Ends the job. The summary file is written before the finished status is saved, so that a client that sees the
    /// status finds it. The parts of a completed job are deleted afterwards, off the job's clock (freeing hundreds of
    /// megabytes takes the file system a while); deactivation waits for that, so a silo that shuts down still cleans up.
    /// </summary>
    private async Task FinishAsync(JobStatus status, string? error, string? rejectsPath = null, bool badInput = false, FoundProposals? proposals = null)
    {
        if (_finishing)
        {
            return;
        }

        _finishing = true;
        _housekeepingTimer?.Dispose();
        _housekeepingTimer = null;
        var now = DateTime.UtcNow;
        Job.Notice = null;
        Job.DeadlineNotice = null;
        var summary = BuildSummary(status, error, rejectsPath, now, badInput, proposals);
        _trace.Finish(Job.TraceParent, summary);
        var outputPath = Job.Spec!.OutputPath;
        await Task.Run(() =>
        {
            try
            {
                dataRoots.Check(PartFiles.SummaryPath(outputPath), "the summary file");
                dataRoots.Check(PartFiles.Temporary(PartFiles.SummaryPath(outputPath)), "the summary file's temporary file");
                SummaryFile.Write(PartFiles.SummaryPath(outputPath), summary);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
            {
                logger.LogWarning(e, "Job {JobId}: could not write its summary", JobId);
            }
        });

        if (Job.Chunks.Count > 0)
        {
            await SampleAsync(now, final: true);
        }

        if (status == JobStatus.Completed)
        {
            // Before the status says completed: an embedded run stops its silo as soon as it sees that.
            await RecordRunAsync(summary, now);
        }

        Job.Status = status;
        Job.Error = error;
        Job.FinishedUtc = now;
        Job.Summary = summary;
        await SaveAsync();
        _finishing = false;
        await JobDirectory.Unregister(JobId);
        logger.LogInformation("Job {JobId} {Status}{Error}", JobId, status, error is null ? "" : ": " + error);

        if (status == JobStatus.Completed)
        {
            // The output holds the parts now. The parts of a failed or cancelled job are kept: chunks may still be
            // finishing their writes, and the parts show how far the job got.
            _cleanup = Task.Run(() => DeleteParts(PartFiles.PartDirectory(outputPath)));
        }
    }

    /// <summary>Adds what a completed job measured to the history, for the estimates of the jobs after it.</summary>
    private async Task RecordRunAsync(JobSummary summary, DateTime finishedUtc)
    {
        if (Manifest is null || Job.RunningSinceUtc is not { } running || Job.BusyWorkerSeconds <= 0)
        {
            return;
        }

        try
        {
            var silos = await GrainFactory.GetGrain<IAutoScalerGrain>(IAutoScalerGrain.Key).GetSilos();
            var workers = silos.Sum(s => s.Workers);
            var workingSetMb = silos.Sum(s => s.MemoryBytes) / (1024.0 * 1024);
            var memoryMbPerWorker = workers > 0 ? (int)Math.Ceiling(workingSetMb / workers) : 0;
            var assembling = Job.AssemblingSinceUtc ?? finishedUtc;
            await RunHistoryGrain.Record(new RunRecord(
                JobId, RunHistory.ProcessorKey(Job.Spec!.EffectiveProcessor), finishedUtc, Manifest.RowCount, Manifest.ByteSize,
                (running - Job.SubmittedUtc).TotalSeconds, (assembling - running).TotalSeconds, (finishedUtc - assembling).TotalSeconds,
                Job.BusyWorkerSeconds, memoryMbPerWorker, summary.CostUsd, Job.EstimatedCostUsd, Job.EstimatedDurationSeconds,
                Math.Round(workingSetMb, 1)));
        }
        catch (Exception e) when (e is OrleansException or TimeoutException)
        {
            logger.LogWarning(e, "Job {JobId}: its run could not be added to the history", JobId);
        }
    }

    private void DeleteParts(string directory)
    {
        try
        {
            if (dataRoots.Refusal(directory, "the parts folder") is null && Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(e, "Job {JobId}: could not delete its part files in {Directory}", JobId, directory);
        }
    }

    private JobSummary BuildSummary(JobStatus status, string? error, string? rejectsPath, DateTime now, bool badInput, FoundProposals? proposals)
    {
        // The figures of the chunks committed so far; the review file and the proposals are a completed job's.
        var quality = Job.Chunks.Count > 0
            ? QualitySections.Build(Job.Quality, Job.Spec!.ReviewBelow, proposals?.ReviewPath, proposals?.Proposals ?? [], proposals?.Run)
            : null;
        var conversation = Mapping?.IsConversation == true;
        var counts = Job.Chunks.Count > 0 ? Ledger.CommittedCounts() : RowCounts.Zero;
        var duration = (now - Job.SubmittedUtc).TotalSeconds;
        return new JobSummary(
            JobId,
            status,
            Job.Spec!.InputPath,
            Manifest?.RowCount ?? 0,
            counts.Ok,
            counts.Failed,
            counts.Rejected,
            status == JobStatus.Completed ? Job.Spec.OutputPath : null,
            rejectsPath,
            duration,
            duration > 0 ? counts.Total / duration : 0,
            Job.Chunks.Count,
            Job.Chunks.Count > 0 ? Ledger.Retries : 0,
            Mapping?.IdColumn,
            Mapping?.TextColumns ?? [],
            new SortedDictionary<string, long>(Job.Categories, StringComparer.Ordinal),
            error,
            Job.Chunks.Count > 0 ? Ledger.RowsPerSilo() : new SortedDictionary<string, long>(),
            Job.Usage.TokensIn,
            Job.Usage.TokensOut,
            Job.Usage.CostUsd,
            new SortedDictionary<string, long>(Job.Failures, StringComparer.Ordinal),
            Job.Usage.Requests,
            Job.Usage.RateLimited,
            conversation ? Manifest!.Conversations : null,
            conversation ? counts.Messages : null,
            badInput,
            Job.EstimatedCostUsd,
            Job.EstimatedCostUsd is { } estimate && Job.Usage.CostUsd > 0 ? EstimateError.Percent((double)estimate, (double)Job.Usage.CostUsd, SummaryDecimals) : null,
            Job.BudgetUsd,
            Job.EstimatedDurationSeconds,
            Job.EstimatedDurationSeconds is { } seconds && status == JobStatus.Completed && duration > 0 ? EstimateError.Percent(seconds, duration, SummaryDecimals) : null,
            quality);
    }

    // The summary's estimate errors keep two decimals.
    private const int SummaryDecimals = 2;

    private JobProgress Progress()
    {
        var now = DateTime.UtcNow;
        var hasChunks = Job.Chunks.Count > 0;
        var counts = hasChunks ? Ledger.CommittedCounts() : RowCounts.Zero;
        var processed = counts.Total + (hasChunks && Job.Status is JobStatus.Running or JobStatus.Paused ? Ledger.RowsInFlight() : 0);
        var total = Manifest?.RowCount ?? 0;
        var elapsed = ((Job.FinishedUtc ?? now) - Job.SubmittedUtc).TotalSeconds;
        var running = ((Job.FinishedUtc ?? now) - (Job.RunningSinceUtc ?? now)).TotalSeconds;
        var rate = running > 0 ? processed / running : 0;
        var origin = _firstCommit is { } first && Job.RunningSinceUtc is { } since ? (first.TimeUtc - since).TotalSeconds : (double?)null;
        var etaRate = RemainingTime.Rate(processed, running, origin, _firstCommit?.Rows ?? 0);
        double? eta = Job.Status switch
        {
            _ when Job.Status.IsFinished() => 0,
            JobStatus.Running => RemainingTime.Seconds(processed, total, etaRate, elapsed, Job.EstimatedDurationSeconds, _expectedEndSeconds),
            // Every row is in: what is left of the end, as the history has it.
            JobStatus.Assembling => Math.Max(0, _expectedEndSeconds - (now - (Job.AssemblingSinceUtc ?? now)).TotalSeconds),
            _ => null,
        };
        return new JobProgress(JobId, Job.Status, total, processed, counts, Job.Chunks.Count,
            hasChunks ? Ledger.Committed : 0, hasChunks ? Ledger.Running : 0,
            Job.Status == JobStatus.None ? 0 : elapsed, rate, eta, Job.Error,
            hasChunks ? Ledger.RowsPerSilo() : new SortedDictionary<string, long>(), Job.Usage,
            Job.BudgetUsd, Job.Status.IsFinished() ? Job.Usage.CostUsd : ProjectedCost(counts.Total), Job.Notice ?? Job.DeadlineNotice);
    }

    private async Task SaveAsync()
    {
        // Planning and assembly save from background turns; writes must not overlap.
        await _saving.WaitAsync();
        try
        {
            await state.WriteStateAsync();
        }
        finally
        {
            _saving.Release();
        }
    }
}
