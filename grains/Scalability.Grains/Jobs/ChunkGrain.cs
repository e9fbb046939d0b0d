using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Placement;
using Scalability.Grains.Ingest;
using Scalability.Grains.Processing;

namespace Scalability.Grains.Jobs;

/// <summary>
/// Runs one attempt at a chunk. <see cref="Start"/> only starts the work: the chunk's rows are read, processed and
/// written on the thread pool, the lease is renewed from a timer meanwhile, and the outcome is reported to the job.
/// </summary>
[RandomPlacement]
public sealed class ChunkGrain(
    TicketProcessorRegistry processors,
    IOptions<JobOptions> options,
    ILogger<ChunkGrain> logger) : Grain, IChunkGrain
{
    private ChunkAssignment? _running;
    private CancellationTokenSource? _cancel;
    private long _rowsDone;

    public Task Start(ChunkWorkOrder order)
    {
        var assignment = order.Assignment;
        if (_running is not null)
        {
            if (_running.Attempt >= assignment.Attempt)
            {
                return Task.CompletedTask; // The same (or a newer) attempt is already running here.
            }

            // The job has given up on the running attempt and leased the chunk again: the old one stops.
            _cancel?.Cancel();
        }

        _running = assignment;
        _cancel = new CancellationTokenSource();
        _rowsDone = 0;
        _ = RunAsync(order, _cancel);
        return Task.CompletedTask;
    }

    private async Task RunAsync(ChunkWorkOrder order, CancellationTokenSource cancel)
    {
        // The work outlives the Start call that began it; it must not carry that call's context into its reports.
        RequestContext.Clear();
        var assignment = order.Assignment;
        var job = GrainFactory.GetGrain<IJobGrain>(assignment.JobId);
        using var renewal = this.RegisterGrainTimer(
            async () =>
            {
                if (!await job.RenewLease(assignment.Index, assignment.Attempt, Interlocked.Read(ref _rowsDone)))
                {
                    await cancel.CancelAsync();
                }
            },
            new GrainTimerCreationOptions(options.Value.RenewInterval, options.Value.RenewInterval) { Interleave = true });

        try
        {
            var processor = assignment.Work == ChunkWork.WriteAsFailed
                ? new FailedRowsProcessor(assignment.FailureReason ?? "the chunk failed")
                : processors.Create(order.Processor, assignment);
            var report = await Task.Run(
                () => ChunkRunner.RunAsync(order, processor, rows => Interlocked.Exchange(ref _rowsDone, rows), cancel.Token),
                cancel.Token);
            await job.ChunkCommitted(report);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            logger.LogInformation("Chunk {Index} attempt {Attempt} of job {JobId} stopped: its lease is gone",
                assignment.Index, assignment.Attempt, assignment.JobId);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Chunk {Index} attempt {Attempt} of job {JobId} failed", assignment.Index, assignment.Attempt, assignment.JobId);
            await ReportFailureAsync(job, assignment, Describe(e));
        }
        finally
        {
            if (ReferenceEquals(_cancel, cancel))
            {
                _running = null;
                _cancel = null;
                DeactivateOnIdle();
            }

            cancel.Dispose();
        }
    }

    private async Task ReportFailureAsync(IJobGrain job, ChunkAssignment assignment, string error)
    {
        try
        {
            await job.ChunkFailed(assignment.Index, assignment.Attempt, error);
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
