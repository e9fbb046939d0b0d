using Scalability.GrainInterfaces.Costing;
using Scalability.GrainInterfaces.History;

namespace Scalability.Grains.History;

/// <summary>
/// What past runs say about the next one. Only the latest <see cref="RunsUsed"/> runs of a processor count, so that
/// the estimates follow a processor (or an endpoint) that got faster or slower.
/// </summary>
public static class RunHistory
{
    public const int RunsUsed = 10;

    /// <summary>
    /// A run of fewer tickets than this, or shorter than <see cref="MinSecondsToPlanAlone"/>, is mostly start-up: it
    /// counts beside a larger run, never alone (a 250-ticket quick start planned an 8,469-ticket file at 8 s; it took 1.6 s).
    /// </summary>
    public const long MinRowsToPlanAlone = 1000;

    public const double MinSecondsToPlanAlone = 2;

    /// <summary>What a processor's key ends with when its endpoint is on this machine (a simulator, a local model server).</summary>
    public const string LocalEndpointTag = "@local-endpoint";

    /// <summary>The key under which a processor's runs are kept: the llm processor by model, a plug-in by its file.</summary>
    public static string ProcessorKey(ProcessorSpec processor) => processor.Kind switch
    {
        // An endpoint on this machine (the test simulator above all) never plans a provider's, nor the other way round.
        ProcessorSpec.LlmKind => $"llm:{processor.Llm?.Model}{(IsLocalEndpoint(processor.Llm?.Endpoint) ? LocalEndpointTag : "")}",
        ProcessorSpec.PluginKind => $"plugin:{Path.GetFileName(processor.PluginPath)}",
        _ => processor.Kind,
    };

    /// <summary>The key of the processor a planning request describes, as <see cref="ProcessorKey(ProcessorSpec)"/> gives it.</summary>
    public static string ProcessorKey(Workload workload) =>
        workload.IsLlm ? $"llm:{workload.Model}" : workload.Processor;

    /// <summary>Averages over the latest runs; null without a run that processed rows.</summary>
    public static MeasuredProfile? Profile(IReadOnlyList<RunRecord> runs)
    {
        var used = Used(runs);
        if (used.Count == 0)
        {
            return null;
        }

        var billed = used.Where(r => r.ProcessorCostUsd > 0).ToList();
        return new MeasuredProfile(
            used.Average(r => r.TicketsPerSecondPerWorker),
            (int)Math.Ceiling(used.Average(r => r.MemoryMbPerWorker)),
            billed.Count > 0 ? billed.Sum(r => r.ProcessorCostUsd) / billed.Sum(r => r.Rows) : null,
            used.Count);
    }

    /// <summary>
    /// How long a job of <paramref name="rows"/> rows and <paramref name="bytes"/> bytes takes on
    /// <paramref name="busyWorkers"/> workers: planning at the bytes per second measured, processing at the tickets per
    /// second of a busy worker measured, joining at the rows per second measured. Null without a usable run.
    /// </summary>
    public static double? EstimateDuration(IReadOnlyList<RunRecord> runs, long rows, long bytes, double busyWorkers)
    {
        var used = Used(runs);
        if (used.Count == 0 || busyWorkers <= 0)
        {
            return null;
        }

        var planBytesPerSecond = Rate(used, r => r.Bytes, r => r.PlanSeconds);
        var perWorker = used.Sum(r => r.Rows) / used.Sum(r => r.BusyWorkerSeconds);
        return (planBytesPerSecond > 0 ? bytes / planBytesPerSecond : 0) +
               (rows / (perWorker * busyWorkers)) +
               (End(used, rows) ?? 0);
    }

    /// <summary>
    /// The seconds from the last commit to the end (joining the parts, proposing categories, writing the summary) of a
    /// job of <paramref name="rows"/> rows, at the runs' joining rate; null without runs to plan from.
    /// </summary>
    public static double? EstimateEnd(IReadOnlyList<RunRecord> runs, long rows) => End(Used(runs), rows);

    private static double? End(List<RunRecord> used, long rows)
    {
        var assembleRowsPerSecond = used.Count > 0 ? Rate(used, r => r.Rows, r => r.AssembleSeconds) : 0;
        return assembleRowsPerSecond > 0 ? rows / assembleRowsPerSecond : null;
    }

    /// <summary>
    /// How many workers to expect busy: as many as the runs had on average (the AutoScaler tends to settle a processor
    /// where it settled before), or the cluster's workers now before any run; never more than there are chunks.
    /// </summary>
    public static double ExpectedBusyWorkers(IReadOnlyList<RunRecord> runs, int clusterWorkers, int chunks)
    {
        var used = Used(runs);
        var workers = used.Count > 0 ? used.Average(r => r.MeanBusyWorkers) : clusterWorkers;
        return Math.Min(workers, chunks);
    }

    /// <summary>Whether a run is large and long enough to plan from by itself.</summary>
    public static bool PlansAlone(RunRecord run) => run.Rows >= MinRowsToPlanAlone && run.DurationSeconds >= MinSecondsToPlanAlone;

    /// <summary>Whether an endpoint's host is this machine: a loopback address or <c>localhost</c>.</summary>
    public static bool IsLocalEndpoint(string? endpoint) =>
        Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) && uri.IsLoopback;

    /// <summary>The runs planned from: the latest that processed rows, as long as one of them plans alone; else none.</summary>
    public static List<RunRecord> Used(IReadOnlyList<RunRecord> runs)
    {
        var used = runs.Where(r => r.Rows > 0 && r.BusyWorkerSeconds > 0).TakeLast(RunsUsed).ToList();
        return used.Exists(PlansAlone) ? used : [];
    }

    private static double Rate(List<RunRecord> runs, Func<RunRecord, double> amount, Func<RunRecord, double> seconds)
    {
        var time = runs.Sum(seconds);
        return time > 0 ? runs.Sum(amount) / time : 0;
    }
}
