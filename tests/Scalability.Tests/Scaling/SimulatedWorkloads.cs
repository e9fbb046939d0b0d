using Scalability.GrainInterfaces.Scaling;
namespace Scalability.Tests.Scaling;

/// <summary>What a simulated workload does over one window at a given worker count.</summary>
internal sealed record WorkloadPoint(
    double TicketsPerSecond,
    double P50Ms,
    double P95Ms,
    double RequestsPerSecond,
    double RateLimitedRate = 0,
    double ErrorRate = 0,
    double Cpu = 0,
    double Memory = 0,
    long Backlog = 10_000);

/// <summary>
/// A workload model: workers (fractional when a window mixes two levels) and the window's index → what the cluster
/// would report.
/// </summary>
internal delegate WorkloadPoint Workload(double workers, int window);

internal static class SimulatedWorkloads
{
    /// <summary>An endpoint with a fixed latency and no limit: each worker finishes one ticket per latency.</summary>
    public static Workload LatencyBound(double latencyMs = 50) => (workers, _) =>
    {
        var rate = workers * 1000 / latencyMs;
        return new WorkloadPoint(rate, latencyMs, latencyMs * 1.2, rate, Cpu: Math.Min(1, workers * 0.002));
    };

    /// <summary>
    /// Work that needs a core per ticket: throughput grows with workers up to the cores and stays flat past them,
    /// while each ticket waits its turn for a core (p50 rises with workers ÷ cores).
    /// </summary>
    public static Workload CpuBound(int cores = 8, double msPerTicket = 50) => (workers, _) =>
    {
        var running = Math.Min(workers, cores);
        var rate = running * 1000 / msPerTicket;
        var p50 = msPerTicket * Math.Max(1, workers / cores);
        return new WorkloadPoint(rate, p50, p50 * 1.3, rate, Cpu: running / cores);
    };

    /// <summary>
    /// An endpoint with a fixed latency that answers 429 to whatever exceeds its rate limit. Up to
    /// requestsPerSecond × latency workers every request succeeds. Past that the endpoint accepts exactly its limit and
    /// refuses the rest; a refused request costs its worker <paramref name="retryAfterMs"/> (the Retry-After wait, or
    /// by default as long as a served request, so that the refused share is simply excess ÷ offered).
    /// </summary>
    public static Workload RateLimited(double requestsPerSecond, double latencyMs, double? retryAfterMs = null) => (workers, _) =>
    {
        var latency = latencyMs / 1000;
        var refusedCost = (retryAfterMs ?? latencyMs) / 1000;
        // Workers beyond the limit; each spends its time between served and refused requests so that exactly the
        // limit is served: (1 − p) × workers = limit × ((1 − p) × latency + p × refusedCost).
        var excess = Math.Max(0, workers - (requestsPerSecond * latency));
        var limited = excess > 0 ? excess / (excess + (requestsPerSecond * refusedCost)) : 0;
        var offered = workers / (((1 - limited) * latency) + (limited * refusedCost));
        var accepted = (1 - limited) * offered;
        // By Little's law a ticket, retries included, takes workers ÷ accepted seconds.
        var p50 = accepted > 0 ? 1000 * workers / accepted : latencyMs;
        return new WorkloadPoint(accepted, p50, p50 * 1.5, offered, RateLimitedRate: limited, Cpu: Math.Min(1, workers * 0.002));
    };

    /// <summary>A latency-bound endpoint where each worker holds a fixed share of the memory limit.</summary>
    public static Workload MemoryBound(double workersAtLimit = 20, double latencyMs = 50) => (workers, window) =>
        LatencyBound(latencyMs)(workers, window) with { Memory = workers / workersAtLimit };

    /// <summary>
    /// Gunther's universal scalability law: contention (sigma) and coherency (kappa) give diminishing, then negative
    /// returns; p50 follows from Little's law.
    /// </summary>
    public static Workload Universal(double sigma, double kappa, double ticketsPerWorker = 20) => (workers, _) =>
    {
        var n = Math.Max(workers, 1e-9);
        var rate = ticketsPerWorker * n / (1 + (sigma * (n - 1)) + (kappa * n * (n - 1)));
        var p50 = 1000 * n / rate;
        return new WorkloadPoint(rate, p50, p50 * 1.3, rate, Cpu: Math.Min(1, rate / 500));
    };

    /// <summary>The inner workload with the given error rate during windows [from, to).</summary>
    public static Workload WithErrors(this Workload inner, int from, int to, double errorRate) => (workers, window) =>
    {
        var point = inner(workers, window);
        return window >= from && window < to ? point with { ErrorRate = errorRate } : point;
    };

    /// <summary>The best throughput any fixed worker count in [min, max] reaches.</summary>
    public static (int Workers, double TicketsPerSecond) BestFixed(Workload workload, int min, int max) =>
        Enumerable.Range(Math.Max(1, min), max - Math.Max(1, min) + 1)
            .Select(workers => (workers, workload(workers, 0).TicketsPerSecond))
            .MaxBy(best => best.TicketsPerSecond);
}
