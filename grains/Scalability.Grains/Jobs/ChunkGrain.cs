using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Placement;
using Polly;
using Polly.Retry;
using Scalability.Grains.Ingest;
using Scalability.Grains.Processing;
using Scalability.Grains.Scaling;
using Scalability.Grains.Security;
using Scalability.Grains.Telemetry;

namespace Scalability.Grains.Jobs;

/// <summary>
/// Runs one attempt at a chunk on the silo whose worker pool leased it (the pool activates it, so local placement puts
/// it there). <see cref="Start"/> only starts the work: the chunk's rows are read, processed and written on the thread
/// pool, the lease is renewed from a timer meanwhile, and the outcome is reported to the job before the pool's slot is
/// given back.
/// </summary>
[PreferLocalPlacement]
public sealed class ChunkGrain(
    TicketProcessorRegistry processors,
    SiloWorkerPool pool,
    ChunkTelemetry telemetry,
    IOptions<JobOptions> options,
    DataRoots dataRoots,
    ILogger<ChunkGrain> logger) : Grain, IChunkGrain
{
    /// <summary>
    /// Reports to the job are retried while it cannot be reached: when the job's silo dies, its grain comes back on
    /// another silo once the cluster has declared the silo dead, which takes some seconds. A part already committed to
    /// disk is worth that wait; giving up would have the chunk processed again.
    /// </summary>
    private static readonly ResiliencePipeline ReportRetry = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<OrleansException>().Handle<TimeoutException>(),
            MaxRetryAttempts = 8,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(500),
            MaxDelay = TimeSpan.FromSeconds(10),
        })
        .Build();

    private ChunkAssignment? _assignment;
    private CancellationTokenSource? _cancel;
    private Task _run = Task.CompletedTask;
    private long _rowsDone;
    private bool _released;

    public Task Start(ChunkWorkOrder order)
    {
        if (_assignment is not null)
        {
            return Task.CompletedTask; // Already running: a repeated Start changes nothing.
        }

        if (order.Assignment.Silo != pool.SiloKey)
        {
            // Placement fell back to another silo (this one was not yet or no longer active): running here would
            // take a slot this pool never granted.
            throw new InvalidOperationException(
                $"chunk {order.Assignment.Index} of job {order.Assignment.JobId} was leased to {order.Assignment.Silo} but placed on {pool.SiloKey}");
        }

        _assignment = order.Assignment;
        _cancel = new CancellationTokenSource();
        _run = RunAsync(order, _cancel);
        return Task.CompletedTask;
    }

    /// <summary>
    /// A silo shutting down deactivates its running chunks: the work stops and the lease goes back to the job at once,
    /// without counting against the chunk's attempts.
    /// </summary>
    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_assignment is { } assignment && _cancel is { } cancel && !_run.IsCompleted)
        {
            _released = true;
            await cancel.CancelAsync();
            await _run.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.ContinueOnCapturedContext | ConfigureAwaitOptions.SuppressThrowing);
            try
            {
                await Job(assignment).ChunkReleased(assignment.Index, assignment.Attempt, $"its silo stopped ({reason.Description})");
            }
            catch (Exception e)
            {
                logger.LogInformation(e, "Could not give back chunk {Index} of job {JobId}; its lease will run out", assignment.Index, assignment.JobId);
            }
        }
    }

    private async Task RunAsync(ChunkWorkOrder order, CancellationTokenSource cancel)
    {
        // The work outlives the Start call that began it; it must not carry that call's context into its reports.
        RequestContext.Clear();
        var assignment = order.Assignment;
        var job = Job(assignment);
        ChunkWorkOrder[] next = [];
        using var attempt = telemetry.Start(order);
        // KeepAlive: the attempt may run longer than the idle-collection age, and no call arrives meanwhile.
        using var renewal = this.RegisterGrainTimer(
            async () =>
            {
                if (!await job.RenewLease(assignment.Index, assignment.Attempt, Interlocked.Read(ref _rowsDone)))
                {
                    await cancel.CancelAsync();
                }
            },
            new GrainTimerCreationOptions(options.Value.RenewInterval, options.Value.RenewInterval) { Interleave = true, KeepAlive = true });

        try
        {
            // This silo's own roots: the job's silo checked the paths with its roots, which may differ.
            dataRoots.CheckChunk(order.Input.Path, order.PartDirectory, assignment.Index, assignment.Attempt);
            dataRoots.CheckPlugin(order.Processor);
            ITicketProcessor processor = assignment.Work == ChunkWork.WriteAsFailed
                ? new FailedRowsProcessor(assignment.FailureReason ?? "the chunk failed", assignment.Attempt - 1)
                : new MeasuredProcessor(processors.Create(order.Processor, assignment), pool.Metrics);
            var report = await Task.Run(
                () => ChunkRunner.RunAsync(order, processor, rows => Interlocked.Exchange(ref _rowsDone, rows), cancel.Token),
                cancel.Token);
            // The worker goes on to the job's next chunk if this silo still wants it (its limit may have been lowered).
            pool.Metrics.RecordChunk(TimeSpan.FromSeconds(report.Seconds));
            next = await ReportAsync(() => job.ChunkCommitted(report, pool.KeepsWorker() ? 1 : 0));
            attempt.Committed(report);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            attempt.Requeued(_released ? "its silo is stopping" : "its lease is gone");
            logger.LogInformation("Chunk {Index} attempt {Attempt} of job {JobId} stopped: {Why}", assignment.Index,
                assignment.Attempt, assignment.JobId, _released ? "its silo is stopping" : "its lease is gone");
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Chunk {Index} attempt {Attempt} of job {JobId} failed", assignment.Index, assignment.Attempt, assignment.JobId);
            attempt.Failed(Describe(e));
            await ReportFailureAsync(job, assignment, Describe(e));
        }
        finally
        {
            pool.Finished(assignment, next);
            if (!_released)
            {
                DeactivateOnIdle();
            }
        }
    }

    private IJobGrain Job(ChunkAssignment assignment) => GrainFactory.GetGrain<IJobGrain>(assignment.JobId);

    private static async Task ReportAsync(Func<Task> report) =>
        await ReportAsync(async () =>
        {
            await report();
            return true;
        });

    private static async Task<T> ReportAsync<T>(Func<Task<T>> report)
    {
        // Continuing on the grain's scheduler keeps the rest of the attempt on the grain's turn.
        var context = ResilienceContextPool.Shared.Get(continueOnCapturedContext: true);
        try
        {
            return await ReportRetry.ExecuteAsync(static async (_, report) => await report(), context, report);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async Task ReportFailureAsync(IJobGrain job, ChunkAssignment assignment, string error)
    {
        try
        {
            await ReportAsync(() => job.ChunkFailed(assignment.Index, assignment.Attempt, error));
        }
        catch (Exception e)
        {
            // The job cannot be told; its lease on this attempt will expire and the chunk will be retried.
            logger.LogWarning(e, "Could not report the failure of chunk {Index} of job {JobId}", assignment.Index, assignment.JobId);
        }
    }

    private static string Describe(Exception e) => e switch
    {
        InputException input => input.Message,
        _ => $"{e.GetType().Name}: {e.Message}",
    };
}
