namespace Scalability.Grains.Scaling;

/// <summary>Sums the silos' latest windows into the cluster's figures; latencies are weighted by each silo's tickets.</summary>
public static class ClusterMetricsAggregator
{
    public static ClusterMetrics Aggregate(IReadOnlyCollection<SiloMetrics> silos, long backlog, long memoryLimitBytes)
    {
        if (silos.Count == 0)
        {
            return ClusterMetrics.Empty with { Backlog = backlog };
        }

        long tickets = silos.Sum(s => s.Tickets), failed = silos.Sum(s => s.FailedTickets);
        long requests = silos.Sum(s => s.Requests), limited = silos.Sum(s => s.RateLimited);
        var cores = silos.Sum(s => s.Cores);
        return new ClusterMetrics(
            silos.Count,
            silos.Sum(s => s.Workers),
            silos.Sum(s => s.InFlight),
            silos.Sum(s => s.BusyWorkers),
            silos.Sum(s => s.TicketsPerSecond),
            Weighted(silos, s => s.TicketLatencyP50Ms, tickets),
            Weighted(silos, s => s.TicketLatencyP95Ms, tickets),
            tickets > 0 ? (double)failed / tickets : 0,
            requests > 0 ? (double)limited / requests : 0,
            cores > 0 ? silos.Sum(s => s.CpuUtilization * s.Cores) / cores : 0,
            // The most pressed silo is what the memory brake must watch: one silo out of memory fails its chunks.
            silos.Max(s => (double)s.MemoryBytes / Math.Max(1, memoryLimitBytes > 0 ? memoryLimitBytes : s.MemoryLimitBytes)),
            backlog,
            cores);
    }

    private static double Weighted(IReadOnlyCollection<SiloMetrics> silos, Func<SiloMetrics, double> value, long tickets) =>
        tickets > 0 ? silos.Sum(s => value(s) * s.Tickets) / tickets : silos.Average(value);
}
