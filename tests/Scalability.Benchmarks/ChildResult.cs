namespace Scalability.Benchmarks;

/// <summary>
/// The one JSON line a measurement process prints: its mode, what it processed, how fast, and its peak memory;
/// then details for finding out where the time and memory went.
/// </summary>
/// <param name="Seconds">Processing time: submit to completion (pipeline), opening the input to closing the output (baseline).</param>
/// <param name="ProcessSeconds">From the process's start to the end of the measurement, runtime and silo start-up included.</param>
/// <param name="Phases">The pipeline's job phases as the client saw them, or the same steps timed directly (chunks); null for the baseline.</param>
/// <param name="Llm">What the llm mode's job says it sent and paid for; null in the other modes.</param>
/// <param name="CpuSeconds">CPU time of this process, all threads, over the processing time (pipeline and llm modes).</param>
/// <param name="ProcessCpuSeconds">CPU time of this process from its start to the end of the measurement.</param>
internal sealed record ChildResult(
    string Mode,
    long Rows,
    double Seconds,
    double TicketsPerSecond,
    double PeakRssMb,
    double ProcessSeconds,
    long Ok,
    long Failed,
    long Rejected,
    int Workers,
    int? ChunkSize,
    PipelinePhases? Phases,
    RuntimeStats Runtime,
    LlmUsage? Llm = null,
    double? CpuSeconds = null,
    double? ProcessCpuSeconds = null,
    RunTimeline? Timeline = null);

/// <summary>How an llm job's progress went over time, as its client polled it, and what the AutoScaler decided.</summary>
/// <param name="SubmittedUnixMs">When the job was submitted (wall clock, shared with the parent's samples).</param>
/// <param name="Progress">Rows processed (committed chunks) since submitting, one point per change.</param>
/// <param name="AutoScale">The AutoScaler's mode, or null when it was off.</param>
/// <param name="Decisions">The AutoScaler's changes of the worker count from submitting to the job's end (it records no holds).</param>
internal sealed record RunTimeline(
    long SubmittedUnixMs,
    IReadOnlyList<ProgressPoint> Progress,
    string? AutoScale,
    IReadOnlyList<DecisionPoint> Decisions);

internal sealed record ProgressPoint(double Seconds, long ProcessedRows);

/// <summary>One AutoScaler decision: seconds since the job was submitted, workers before and after, and why.</summary>
/// <param name="TicketsPerSecond">The cluster's tickets/s in the window it decided on.</param>
/// <param name="RateLimitedRate">The share of requests answered 429 in that window.</param>
internal sealed record DecisionPoint(double Seconds, int From, int To, string Reason, double TicketsPerSecond, double RateLimitedRate);

/// <summary>The llm processor's use of its endpoint, from the job's summary (committed chunks only).</summary>
/// <param name="Requests">Requests made, retries and repairs included.</param>
/// <param name="Failures">Failed rows by kind.</param>
internal sealed record LlmUsage(
    long Requests,
    long RateLimited,
    long TokensIn,
    long TokensOut,
    decimal CostUsd,
    IReadOnlyDictionary<string, long> Failures);

/// <summary>Seconds spent in each state of a pipeline job, from polling its progress (or in each step, in the chunks mode).</summary>
/// <param name="SiloStartSeconds">Starting the embedded silo, before the job is submitted; not in the processing time.</param>
/// <param name="PlanningSeconds">Submitted to running: the scan that finds the chunk boundaries.</param>
/// <param name="RunningSeconds">Running to assembling: the chunks.</param>
/// <param name="AssemblingSeconds">Assembling to completed: joining the parts and writing the summary.</param>
/// <param name="JobDurationSeconds">The job's own figure, from its summary.</param>
internal sealed record PipelinePhases(
    double SiloStartSeconds,
    double PlanningSeconds,
    double RunningSeconds,
    double AssemblingSeconds,
    double JobDurationSeconds,
    int Chunks,
    int ChunkRetries);

/// <summary>What the .NET runtime did during a measurement: its GC mode and work.</summary>
internal sealed record RuntimeStats(
    string Configuration,
    bool ServerGc,
    int Gen0Collections,
    int Gen1Collections,
    int Gen2Collections,
    double GcPauseSeconds,
    double AllocatedMb,
    double ManagedHeapMbAtEnd)
{
    public static RuntimeStats Capture() => new(
        BuildInfo.Configuration,
        System.Runtime.GCSettings.IsServerGC,
        GC.CollectionCount(0),
        GC.CollectionCount(1),
        GC.CollectionCount(2),
        Math.Round(GC.GetTotalPauseDuration().TotalSeconds, 3),
        Math.Round(GC.GetTotalAllocatedBytes() / (1024.0 * 1024.0), 1),
        Math.Round(GC.GetGCMemoryInfo().HeapSizeBytes / (1024.0 * 1024.0), 1));
}
