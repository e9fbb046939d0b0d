using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Scalability.Grains.Telemetry;

/// <summary>
/// The product's own telemetry: the <c>Scalability</c> meter (tickets, chunks, spend, workers) and the
/// <c>Scalability</c> activity source (a trace per job, a span per chunk attempt). Counts are recorded on the silo
/// that did the work, once its job has accepted the chunk's report.
/// </summary>
public static class ScalabilityTelemetry
{
    public const string MeterName = "Scalability";
    public const string ActivitySourceName = "Scalability";

    public static readonly Meter Meter = new(MeterName);

    public static readonly ActivitySource ActivitySource = new(ActivitySourceName);

    /// <summary>Tickets processed, by <c>processor</c> and <c>status</c> (<c>ok</c> or <c>failed</c>).</summary>
    public static readonly Counter<long> TicketsProcessed = Meter.CreateCounter<long>(
        "scalability.tickets.processed", "{ticket}", "Tickets processed, by processor and status (ok or failed).");

    /// <summary>Failed tickets, by <c>processor</c> and <c>kind</c> (<c>timeout</c>, <c>rate_limited</c>, …).</summary>
    public static readonly Counter<long> TicketsFailed = Meter.CreateCounter<long>(
        "scalability.tickets.failed", "{ticket}", "Tickets that failed, by processor and kind of failure.");

    /// <summary>Input records that could not be read as tickets and went to the rejects file.</summary>
    public static readonly Counter<long> RecordsRejected = Meter.CreateCounter<long>(
        "scalability.records.rejected", "{record}", "Malformed input records written to the rejects file.");

    /// <summary>Wall time of a chunk attempt, by <c>processor</c> and <c>outcome</c>.</summary>
    public static readonly Histogram<double> ChunkDuration = Meter.CreateHistogram(
        "scalability.chunk.duration", "s", "Time a chunk attempt took, by processor and outcome (committed, failed or requeued).",
        advice: new InstrumentAdvice<double>
        {
            // Chunks take from tens of milliseconds (the local processor) to minutes (an LLM at a low rate limit).
            HistogramBucketBoundaries = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800],
        });

    public static readonly Counter<long> ChunksCommitted = Meter.CreateCounter<long>(
        "scalability.chunks.committed", "{chunk}", "Chunk attempts whose output the job accepted.");

    public static readonly Counter<long> ChunksFailed = Meter.CreateCounter<long>(
        "scalability.chunks.failed", "{chunk}", "Chunk attempts that failed and count against the chunk's attempts.");

    public static readonly Counter<long> ChunksRequeued = Meter.CreateCounter<long>(
        "scalability.chunks.requeued", "{chunk}", "Chunk attempts stopped before the end (lease lost or silo stopping); the chunk goes back to the queue.");

    /// <summary>What the processors were billed, in US dollars.</summary>
    public static readonly Counter<double> Spend = Meter.CreateCounter<double>(
        "scalability.spend", "usd", "Processing spend in US dollars, by processor.");

    public static readonly ObservableGauge<int> WorkersLimit = Meter.CreateObservableGauge(
        "scalability.workers.limit", () => MeasureWorkers(pool => pool.Limit), "{worker}", "Chunks a silo's worker pool may run at once, by silo.");

    public static readonly ObservableGauge<int> WorkersInUse = Meter.CreateObservableGauge(
        "scalability.workers.in_use", () => MeasureWorkers(pool => pool.InUse), "{worker}", "Chunks a silo's worker pool is running, by silo.");

    private static readonly ConcurrentDictionary<WorkerObservation, byte> Pools = new();

    /// <summary>
    /// Publishes a silo's worker pool on the <c>scalability.workers.*</c> gauges until the returned handle is
    /// disposed. Several silos in one process each publish their own, tagged with <paramref name="silo"/>.
    /// </summary>
    public static IDisposable ObserveWorkers(string silo, Func<(int Limit, int InUse)> workers)
    {
        var observation = new WorkerObservation(silo, workers);
        Pools.TryAdd(observation, 0);
        return observation;
    }

    private static IEnumerable<Measurement<int>> MeasureWorkers(Func<(int Limit, int InUse), int> pick) =>
        Pools.Keys.Select(pool => new Measurement<int>(pick(pool.Read()), new KeyValuePair<string, object?>("silo", pool.Silo))).ToArray();

    private sealed class WorkerObservation(string silo, Func<(int Limit, int InUse)> read) : IDisposable
    {
        public string Silo => silo;

        public (int Limit, int InUse) Read() => read();

        public void Dispose() => Pools.TryRemove(this, out _);
    }
}
