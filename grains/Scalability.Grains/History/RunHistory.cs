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

    /// <summary>Averages over the latest runs, each weighing alike; null without a run that processed rows.</summary>
    public static MeasuredProfile? Profile(IReadOnlyList<RunRecord> runs) => Profile(runs, rows: 0, bytes: 0);

    /// <summary>
    /// The latest runs' rates, each run weighing by how alike it is to a dataset of <paramref name="rows"/> rows and
    /// <paramref name="bytes"/> bytes (all alike when those are 0): weight 1 / (1 + |ln(rows ratio)| + |ln(bytes-per-row
    /// ratio)|), so that a run ten times smaller counts about a third as much as one of the same size and text, and a run
    /// of tickets three times longer about half. Rates are weighted sums of work over weighted sums of time (a long run
    /// says more than a short one); null without a run that processed rows.
    /// </summary>
    public static MeasuredProfile? Profile(IReadOnlyList<RunRecord> runs, long rows, long bytes)
    {
        var used = Used(runs);
        if (used.Count == 0)
        {
            return null;
        }

        var weights = used.Select(r => Likeness(r, rows, bytes)).ToArray();
        var billed = used.Where(r => r.ProcessorCostUsd > 0).ToList();
        var meanBusy = used.Average(r => r.MeanBusyWorkers);
        var measuredMemory = used.Select((r, i) => (Run: r, Weight: weights[i])).Where(m => m.Run.WorkingSetMb > 0).ToList();
        return new MeasuredProfile(
            Rate(used, weights, r => r.Rows, r => r.BusyWorkerSeconds),
            (int)Math.Ceiling(Weighted(used, weights, r => r.MemoryMbPerWorker)),
            billed.Count > 0 ? billed.Sum(r => r.ProcessorCostUsd) / billed.Sum(r => r.Rows) : null,
            used.Count,
            PlanBytesPerSecond: Rate(used, weights, r => r.Bytes, r => r.PlanSeconds),
            EndRowsPerSecond: Rate(used, weights, r => r.Rows, r => r.AssembleSeconds),
            PeakMemoryMb: measuredMemory.Count > 0
                ? Weighted([.. measuredMemory.Select(m => m.Run)], [.. measuredMemory.Select(m => m.Weight)], r => r.WorkingSetMb)
                : 0,
            BusyShare: meanBusy > 0 ? Math.Min(1, meanBusy / WorkersKeptBusy(meanBusy)) : 1,
            MeanBusyWorkers: meanBusy);
    }

    /// <summary>How much a run says about a dataset of these rows and bytes: 1 for one alike, less the less alike.</summary>
    public static double Likeness(RunRecord run, long rows, long bytes)
    {
        if (rows <= 0 || run.Rows <= 0)
        {
            return 1;
        }

        var size = Math.Abs(Math.Log((double)run.Rows / rows));
        var text = bytes > 0 && run.Bytes > 0 ? Math.Abs(Math.Log(run.BytesPerRow / ((double)bytes / rows))) : 0;
        return 1 / (1 + size + text);
    }

    /// <summary>
    /// The seconds from the last commit to the end (joining the parts, proposing categories, writing the summary) of a
    /// job of <paramref name="rows"/> rows and <paramref name="bytes"/> bytes, at the end rate of the profile the
    /// projection plans with (<see cref="Profile(IReadOnlyList{RunRecord}, long, long)"/>); null without runs to plan from.
    /// </summary>
    public static double? EstimateEnd(IReadOnlyList<RunRecord> runs, long rows, long bytes = 0) =>
        Profile(runs, rows, bytes) is { EndRowsPerSecond: > 0 } profile ? rows / profile.EndRowsPerSecond : null;

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

    /// <summary>
    /// The workers a job ran to keep <paramref name="meanBusyWorkers"/> busy on average: that mean rounded up, less a
    /// tenth, as overlapping commits and leases let the mean pass the workers by a little (2.02 busy of 2 workers).
    /// </summary>
    public static int WorkersKeptBusy(double meanBusyWorkers) => Math.Max(1, (int)Math.Ceiling(meanBusyWorkers - 0.1));

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

    private static double Rate(List<RunRecord> runs, double[] weights, Func<RunRecord, double> amount, Func<RunRecord, double> seconds)
    {
        var time = runs.Select((r, i) => seconds(r) * weights[i]).Sum();
        return time > 0 ? runs.Select((r, i) => amount(r) * weights[i]).Sum() / time : 0;
    }

    private static double Weighted(List<RunRecord> runs, double[] weights, Func<RunRecord, double> value) =>
        runs.Select((r, i) => value(r) * weights[i]).Sum() / weights.Sum();
}
