using Scalability.LlmSimulation;

namespace Scalability.Benchmarks;

/// <summary>What the llm benchmark found: per worker count, the job's throughput against the latency-bound ideal.</summary>
internal sealed record LlmReport(
    IReadOnlyList<LlmWorkersRun> Runs,
    MachineInfo Machine,
    LlmBenchmarkSettings Settings);

/// <param name="Chunks">The job's chunks, from its summary.</param>
/// <param name="Simulator">Where the endpoint simulator ran.</param>
internal sealed record LlmBenchmarkSettings(
    long Rows,
    int Seed,
    int ChunkSize,
    int Chunks,
    int LatencyMs,
    string Model,
    IReadOnlyList<int> Workers,
    int Repeat,
    string PipelineState,
    string Simulator,
    string WorkDirectory);

/// <summary>
/// One worker count. Tickets/s, seconds and the simulator's counts are from its fastest run; the ratios compare
/// fastest runs measured in the same invocation.
/// </summary>
/// <param name="IdealTicketsPerSecond">workers × 1000 / latency: every worker always waiting on a request, and
/// nothing else taking any time.</param>
/// <param name="Efficiency">Tickets/s over the ideal.</param>
/// <param name="SpeedUp">Tickets/s over that of the smallest worker count.</param>
/// <param name="IdealSpeedUp">Workers over the smallest worker count.</param>
/// <param name="MsPerTicketPerWorker">workers × 1000 / tickets/s: how long one ticket took as a worker saw it, the
/// latency included; above the latency is what the rest of the path (and waiting for a core) adds.</param>
/// <param name="CoresBusy">CPU seconds of the job's process over the processing time and of the parent (which serves
/// the simulator) over the child's lifetime, divided by the processing time.</param>
/// <param name="OtherCoresBusy">Cores the rest of the machine (neither the job's process nor the simulator's) kept
/// busy on average while the child ran; null where the machine does not say.</param>
/// <param name="Requests">Requests the simulator received during the fastest run.</param>
internal sealed record LlmWorkersRun(
    int Workers,
    double TicketsPerSecond,
    double IdealTicketsPerSecond,
    double Efficiency,
    double SpeedUp,
    double IdealSpeedUp,
    double MsPerTicketPerWorker,
    double Seconds,
    double WallSeconds,
    double CoresBusy,
    double SimulatorCpuSeconds,
    double? OtherCoresBusy,
    long Requests,
    long OutputRows,
    IReadOnlyList<double> TicketsPerSecondAllRuns,
    SimulatorCounts Simulator,
    ChildResult Best);

/// <summary>What the simulator counted during one run: its counters after the run minus before.</summary>
/// <param name="Refused">401s and 400s: requests the simulator could not take at all.</param>
internal sealed record SimulatorCounts(
    long Requests,
    long Ok,
    long RateLimited,
    long ServerErrors,
    long Malformed,
    long Refused,
    long PromptTokens,
    long CompletionTokens)
{
    public static SimulatorCounts Between(SimulatorStats before, SimulatorStats after) => new(
        after.RequestsTotal - before.RequestsTotal,
        after.Ok - before.Ok,
        after.RateLimited - before.RateLimited,
        after.ServerErrors - before.ServerErrors,
        after.Malformed - before.Malformed,
        after.Unauthorized + after.BadRequests - before.Unauthorized - before.BadRequests,
        after.PromptTokens - before.PromptTokens,
        after.CompletionTokens - before.CompletionTokens);
}
