using System.Runtime.CompilerServices;
using Scalability.GrainInterfaces.Jobs;

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

    /// <summary>Progress snapshots until the job finishes; the last one is the finished state.</summary>
    public async IAsyncEnumerable<JobProgress> WatchAsync(
        string jobId, TimeSpan? interval = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var progress = await Job(jobId).GetProgress();
            yield return progress;
            if (progress.Status.IsFinished() || progress.Status == JobStatus.None)
            {
                yield break;
            }

            await Task.Delay(interval ?? DefaultPollInterval, cancellationToken);
        }
    }

    /// <summary>Waits for the job to finish and returns its summary.</summary>
    public async Task<JobSummary> WaitForCompletionAsync(string jobId, CancellationToken cancellationToken = default)
    {
        JobProgress? last = null;
        await foreach (var progress in WatchAsync(jobId, cancellationToken: cancellationToken))
        {
            last = progress;
        }

        return await Job(jobId).GetSummary()
               ?? throw new InvalidOperationException($"job '{jobId}' has no summary (status {last?.Status})");
    }

    private IJobGrain Job(string jobId) => cluster.GetGrain<IJobGrain>(jobId);
}
