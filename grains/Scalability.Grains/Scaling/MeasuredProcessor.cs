using System.Diagnostics;
using Scalability.Grains.Processing;

namespace Scalability.Grains.Scaling;

/// <summary>
/// Times each call of a processor and records it, with its tickets' failures, requests and 429s, in the silo's
/// metrics window: what the AutoScaler learns about the work comes from here.
/// </summary>
public sealed class MeasuredProcessor(ITicketProcessor inner, MetricsWindow window) : ITicketProcessor
{
    public int PreferredBatchSize => inner.PreferredBatchSize;

    public async ValueTask<IReadOnlyList<TicketResult>> ProcessAsync(IReadOnlyList<Ticket> batch, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var results = await inner.ProcessAsync(batch, cancellationToken);
        int failed = 0;
        long requests = 0, rateLimited = 0;
        foreach (var result in results)
        {
            failed += result.Status == TicketStatus.Failed ? 1 : 0;
            requests += result.Attempts;
            rateLimited += result.RateLimited;
        }

        window.RecordBatch(results.Count, failed, requests, rateLimited, Stopwatch.GetElapsedTime(started));
        return results;
    }
}
