using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Scalability.Grains.Telemetry;

namespace Scalability.Grains.Scaling;

/// <summary>
/// A silo's worker pool: while it has free slots it leases chunks from the unfinished jobs and starts them on chunk
/// grains placed on this silo. Work is pulled, never pushed, so a silo that joins takes chunks at its first poll and a
/// silo that dies simply stops asking (its leases run out or are returned by the job).
/// </summary>
public sealed class SiloWorkerPool : ILifecycleParticipant<ISiloLifecycle>
{
    private readonly IGrainFactory _grains;
    private readonly ILocalSiloDetails _silo;
    private readonly WorkerPoolOptions _options;
    private readonly ILogger<SiloWorkerPool> _logger;
    private readonly ConcurrentDictionary<string, ChunkAssignment> _running = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private Task _loop = Task.CompletedTask;
    private Task _reporting = Task.CompletedTask;
    private readonly CpuMeter _cpu = new();
    private IDisposable? _gauges;
    private string[] _jobs = [];
    private DateTime _jobsReadUtc = DateTime.MinValue;
    private volatile bool _jobsStale;
    private TaskCompletionSource _wakeUp = NewSignal();
    private int _cursor;

    public SiloWorkerPool(IGrainFactory grains, ILocalSiloDetails silo, IOptions<WorkerPoolOptions> options, ILogger<SiloWorkerPool> logger)
    {
        _grains = grains;
        _silo = silo;
        _options = options.Value;
        _logger = logger;
        Limiter = new WorkerLimiter(_options.EffectiveWorkers);
        Metrics = new MetricsWindow(_options.MetricsWindow);
    }

    public WorkerLimiter Limiter { get; }

    /// <summary>This silo's recent work, reported to the AutoScaler.</summary>
    public MetricsWindow Metrics { get; }

    /// <summary>This silo's address as leases name it.</summary>
    public string SiloKey => _silo.SiloAddress.ToParsableString();

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(SiloWorkerPool), ServiceLifecycleStage.Active, StartAsync, StopAsync);

    /// <summary>Whether a worker that finishes a chunk should go on to another: false once the limit was lowered below use.</summary>
    public bool KeepsWorker() => !_stopping.IsCancellationRequested && Limiter.InUse <= Limiter.Limit;

    /// <summary>
    /// Called by the chunk grain when its attempt has ended and been reported. The worker's slot passes to the chunks
    /// the job leased in its answer (see <see cref="KeepsWorker"/>), or is freed.
    /// </summary>
    public void Finished(ChunkAssignment assignment, IReadOnlyList<ChunkWorkOrder>? next = null)
    {
        var heldSlot = _running.TryRemove(IChunkGrain.KeyFor(assignment), out _);
        var carried = 0;
        foreach (var order in next ?? [])
        {
            // One slot carries over; a job answering with more than asked gets the rest only if slots are free.
            // Off the finishing chunk grain's turn: that activation is about to go away.
            if ((carried == 0 && heldSlot) || Limiter.TryAcquire(1) == 1)
            {
                carried++;
                _ = Task.Run(() => StartChunkAsync(order));
            }
            else
            {
                _ = Task.Run(() => GiveBackAsync(order.Assignment, "this silo has no free worker"));
            }
        }

        if (heldSlot && carried == 0)
        {
            Limiter.Release();
        }
    }

    /// <summary>
    /// Ends an idle wait early: a job on this silo has work ready (it finished planning, or a chunk went back to the
    /// queue). Pools on other silos find it at their next poll.
    /// </summary>
    public void WakeUp()
    {
        _jobsStale = true;
        Interlocked.Exchange(ref _wakeUp, NewSignal()).TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private Task StartAsync(CancellationToken cancellationToken)
    {
        _logger.LogInformation("Worker pool of {Silo} started with {Workers} workers", SiloKey, Limiter.Limit);
        _gauges = ScalabilityTelemetry.ObserveWorkers(SiloKey, () => (Limiter.Limit, Limiter.InUse));
        _loop = Task.Run(() => PullLoopAsync(_stopping.Token), CancellationToken.None);
        _reporting = Task.Run(() => ReportLoopAsync(_stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    private async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await Task.WhenAll(_loop, _reporting).WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _gauges?.Dispose();
    }

    /// <summary>The silo's metrics for the window now.</summary>
    public SiloMetrics Snapshot()
    {
        var inFlight = Limiter.InUse;
        Metrics.RecordBusy(inFlight);
        var figures = Metrics.Figures();
        var memory = GC.GetGCMemoryInfo();
        return new SiloMetrics(
            SiloKey, DateTime.UtcNow, Metrics.Length.TotalSeconds, Limiter.Limit, inFlight, figures.BusyWorkers,
            figures.Tickets, figures.Failed, figures.Requests, figures.RateLimited,
            figures.TicketP50Ms, figures.TicketP95Ms, figures.ChunkP50Seconds, figures.ChunkP95Seconds,
            _cpu.Read(), Environment.WorkingSet, memory.TotalAvailableMemoryBytes, Environment.ProcessorCount);
    }

    /// <summary>
    /// Reports this silo's metrics to the AutoScaler at every interval and takes the worker limit it answers with.
    /// Raising the limit lets the pull loop lease more at once; lowering it only holds back new leases.
    /// </summary>
    private async Task ReportLoopAsync(CancellationToken stopping)
    {
        var scaler = _grains.GetGrain<IAutoScalerGrain>(IAutoScalerGrain.Key);
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                var target = await scaler.Report(Snapshot());
                if (target >= 0 && target != Limiter.Limit)
                {
                    _logger.LogInformation("Worker pool of {Silo}: {From} → {To} workers", SiloKey, Limiter.Limit, target);
                    Limiter.SetLimit(target);
                }

                await Task.Delay(_options.ReportInterval, stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The AutoScaler may be moving to another silo; the pool keeps its limit meanwhile.
                _logger.LogDebug(e, "Worker pool of {Silo} could not report its metrics", SiloKey);
                await Task.Delay(_options.ReportInterval, stopping).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private async Task PullLoopAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await Limiter.WaitForFreeSlotAsync(stopping);
                // Taken before pulling, so that a wake-up during the pull is not missed.
                var wakeUp = Volatile.Read(ref _wakeUp).Task;
                if (await PullAsync(stopping) == 0)
                {
                    await Task.WhenAny(wakeUp, Task.Delay(_options.PollInterval, stopping));
                    stopping.ThrowIfCancellationRequested();
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The directory or a job may be unreachable for a moment (a silo just died and its grains are moving).
                _logger.LogWarning(e, "Worker pool of {Silo} could not lease work; retrying", SiloKey);
                await Task.Delay(_options.PollInterval, stopping).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>One round over the unfinished jobs, starting from a different job each round; returns the chunks started.</summary>
    private async Task<int> PullAsync(CancellationToken stopping)
    {
        var jobs = await UnfinishedJobsAsync();

        var started = 0;
        var first = _cursor++;
        for (var i = 0; i < jobs.Length && !stopping.IsCancellationRequested; i++)
        {
            var slots = Limiter.TryAcquire(Limiter.Free);
            if (slots == 0)
            {
                break;
            }

            var job = jobs[(first + i) % jobs.Length];
            ChunkWorkOrder[] orders;
            try
            {
                orders = await _grains.GetGrain<IJobGrain>(job).LeaseChunks(SiloKey, slots);
            }
            catch
            {
                Limiter.Release(slots);
                throw;
            }

            Limiter.Release(slots - orders.Length);
            foreach (var order in orders)
            {
                if (stopping.IsCancellationRequested)
                {
                    // The silo began to stop while the lease was being granted: hand the chunk back now, while the
                    // job can still be told, rather than start it here or leave its lease to run out.
                    Limiter.Release(1);
                    await GiveBackAsync(order.Assignment, $"{SiloKey} is stopping");
                    continue;
                }

                await StartChunkAsync(order);
                started++;
            }
        }

        if (started == 0)
        {
            // Nothing to do in the jobs known: read the list again at the next pull, new jobs may have come.
            _jobsReadUtc = DateTime.MinValue;
        }

        return started;
    }

    /// <summary>
    /// The unfinished jobs this pool takes work from. The list is read from the directory at most once per poll
    /// interval while it yields work: asking at every lease cost as much as the lease itself.
    /// </summary>
    private async Task<string[]> UnfinishedJobsAsync()
    {
        if (_jobsStale || DateTime.UtcNow - _jobsReadUtc >= _options.PollInterval)
        {
            _jobsStale = false;
            var jobs = await _grains.GetGrain<IJobDirectoryGrain>(IJobDirectoryGrain.Key).GetUnfinishedJobs();
            _jobs = _options.AcceptsJob is { } accepts ? jobs.Where(accepts).ToArray() : jobs;
            _jobsReadUtc = DateTime.UtcNow;
        }

        return _jobs;
    }

    private async Task GiveBackAsync(ChunkAssignment assignment, string reason)
    {
        try
        {
            await _grains.GetGrain<IJobGrain>(assignment.JobId).ChunkReleased(assignment.Index, assignment.Attempt, reason);
        }
        catch (Exception e)
        {
            _logger.LogWarning(e, "Could not give back chunk {Index} of job {JobId}; its lease will run out", assignment.Index, assignment.JobId);
        }
    }

    private async Task StartChunkAsync(ChunkWorkOrder order)
    {
        var assignment = order.Assignment;
        var key = IChunkGrain.KeyFor(assignment);
        _running[key] = assignment;
        try
        {
            await _grains.GetGrain<IChunkGrain>(key).Start(order);
        }
        catch (Exception e)
        {
            // Not the chunk's fault (this silo is stopping, placement went elsewhere, a silo did not answer): the
            // lease goes back to the queue without counting a failed attempt.
            _logger.LogWarning(e, "Could not start chunk {Index} attempt {Attempt} of job {JobId}", assignment.Index, assignment.Attempt, assignment.JobId);
            Finished(assignment, null);
            await GiveBackAsync(assignment, $"it could not start on {SiloKey}: {e.Message}");
        }
    }
}
