using System.Diagnostics;

namespace Scalability.Grains.Scaling;

/// <summary>
/// A silo's recent work, kept for a sliding window: processor batches (tickets, failures, requests, 429s, how long
/// they took) and finished chunk attempts. The worker pool turns it into a <see cref="SiloMetrics"/> report. Thread
/// safe: chunks on many threads record into it.
/// </summary>
public sealed class MetricsWindow(TimeSpan length, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly Lock _gate = new();
    private readonly Queue<BatchSample> _batches = new();
    private readonly Queue<ChunkSample> _chunks = new();
    private readonly Queue<BusySample> _busy = new();

    public TimeSpan Length { get; } = length;

    /// <summary>One processor call: its tickets, those failed, the requests and 429s they took, and its duration.</summary>
    public void RecordBatch(int tickets, int failed, long requests, long rateLimited, TimeSpan elapsed)
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            _batches.Enqueue(new BatchSample(now, tickets, failed, requests, rateLimited, tickets > 0 ? elapsed.TotalMilliseconds / tickets : 0));
            Trim(now);
        }
    }

    public void RecordChunk(TimeSpan elapsed)
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            _chunks.Enqueue(new ChunkSample(now, elapsed.TotalSeconds));
            Trim(now);
        }
    }

    /// <summary>How many workers are busy now; sampled at every report, averaged over the window.</summary>
    public void RecordBusy(int inFlight)
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            _busy.Enqueue(new BusySample(now, inFlight));
            Trim(now);
        }
    }

    /// <summary>The window's figures. Latency percentiles weigh each batch by its tickets.</summary>
    public WindowFigures Figures()
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            Trim(now);
            long tickets = 0, failed = 0, requests = 0, rateLimited = 0;
            foreach (var batch in _batches)
            {
                tickets += batch.Tickets;
                failed += batch.Failed;
                requests += batch.Requests;
                rateLimited += batch.RateLimited;
            }

            var latencies = _batches.Select(b => (b.MsPerTicket, (double)b.Tickets)).ToList();
            var chunkSeconds = _chunks.Select(c => (c.Seconds, 1.0)).ToList();
            return new WindowFigures(
                tickets, failed, requests, rateLimited,
                Percentile(latencies, 0.50), Percentile(latencies, 0.95),
                Percentile(chunkSeconds, 0.50), Percentile(chunkSeconds, 0.95),
                _busy.Count > 0 ? _busy.Average(b => b.InFlight) : 0);
        }
    }

    /// <summary>The weighted percentile: the smallest value whose cumulative weight reaches <paramref name="q"/> of the total.</summary>
    public static double Percentile(List<(double Value, double Weight)> samples, double q)
    {
        var total = samples.Sum(s => s.Weight);
        if (total <= 0)
        {
            return 0;
        }

        samples.Sort((a, b) => a.Value.CompareTo(b.Value));
        var target = q * total;
        var cumulative = 0.0;
        foreach (var (value, weight) in samples)
        {
            cumulative += weight;
            if (cumulative >= target)
            {
                return value;
            }
        }

        return samples[^1].Value;
    }

    private void Trim(DateTimeOffset now)
    {
        var cutoff = now - Length;
        while (_batches.TryPeek(out var b) && b.Time < cutoff)
        {
            _batches.Dequeue();
        }

        while (_chunks.TryPeek(out var c) && c.Time < cutoff)
        {
            _chunks.Dequeue();
        }

        while (_busy.TryPeek(out var s) && s.Time < cutoff)
        {
            _busy.Dequeue();
        }
    }

    private readonly record struct BatchSample(DateTimeOffset Time, int Tickets, int Failed, long Requests, long RateLimited, double MsPerTicket);

    private readonly record struct ChunkSample(DateTimeOffset Time, double Seconds);

    private readonly record struct BusySample(DateTimeOffset Time, int InFlight);
}

/// <summary>A metrics window's totals and percentiles.</summary>
public readonly record struct WindowFigures(
    long Tickets, long Failed, long Requests, long RateLimited,
    double TicketP50Ms, double TicketP95Ms, double ChunkP50Seconds, double ChunkP95Seconds, double BusyWorkers);

/// <summary>The process's CPU use between two readings, as a fraction of all its cores.</summary>
public sealed class CpuMeter
{
    private TimeSpan _lastCpu = Process.GetCurrentProcess().TotalProcessorTime;
    private long _lastTimestamp = Stopwatch.GetTimestamp();

    public double Read()
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var now = Stopwatch.GetTimestamp();
        var wall = Stopwatch.GetElapsedTime(_lastTimestamp, now);
        var used = cpu - _lastCpu;
        (_lastCpu, _lastTimestamp) = (cpu, now);
        return wall > TimeSpan.Zero ? Math.Clamp(used / wall / Environment.ProcessorCount, 0, 1) : 0;
    }
}
