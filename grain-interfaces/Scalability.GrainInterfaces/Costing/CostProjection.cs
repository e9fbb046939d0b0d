namespace Scalability.GrainInterfaces.Costing;

/// <summary>
/// What one configuration is expected to cost and take for one dataset: the expected total with its low and high ends,
/// the parts it is made of, the duration, the peak memory, and the assumptions behind the figures in words.
/// </summary>
/// <param name="RunningWorkers">The workers the AutoScaler is expected to keep busy (never more than configured).</param>
/// <param name="ComputeUsd">Worker-hours at the compute price.</param>
/// <param name="MemoryUsd">GB-hours at the memory price.</param>
/// <param name="ProcessorUsd">What the processor itself bills: tokens for the llm processor, nothing for the local one.</param>
/// <param name="TotalCostUsd">The expected cost: compute, memory and processor together.</param>
/// <param name="CostLowUsd">The cost if throughput and tokens come out at the favourable end of their ranges.</param>
/// <param name="CostHighUsd">The cost at the unfavourable end.</param>
/// <param name="DurationHours">Expected wall-clock time from start to the assembled output.</param>
/// <param name="DurationHighHours">The duration at the slow end of the throughput range.</param>
/// <param name="PeakMemoryGb">Memory given to the running workers plus each silo's own.</param>
/// <param name="MemoryNeededMbPerWorker">What one worker needs to hold a chunk; a configuration that gives less is not
/// runnable, and the optimizer never picks it.</param>
[GenerateSerializer, Immutable, Alias("CostProjection")]
public sealed record CostProjection(
    [property: Id(0)] RunConfiguration Configuration,
    [property: Id(1)] int RunningWorkers,
    [property: Id(2)] decimal ComputeUsd,
    [property: Id(3)] decimal MemoryUsd,
    [property: Id(4)] decimal ProcessorUsd,
    [property: Id(5)] decimal TotalCostUsd,
    [property: Id(6)] decimal CostLowUsd,
    [property: Id(7)] decimal CostHighUsd,
    [property: Id(8)] decimal CostPerTicketUsd,
    [property: Id(9)] double DurationHours,
    [property: Id(10)] double DurationHighHours,
    [property: Id(11)] double PeakMemoryGb,
    [property: Id(12)] string[] Assumptions,
    [property: Id(13)] double MemoryNeededMbPerWorker)
{
    public bool MemoryPerWorkerSuffices => Configuration.MemoryMbPerWorker >= MemoryNeededMbPerWorker;
}
