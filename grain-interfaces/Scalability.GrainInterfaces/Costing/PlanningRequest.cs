namespace Scalability.GrainInterfaces.Costing;

/// <summary>
/// Everything a projection or an optimization reads: the dataset, the workload, the llm processor's token estimate, a
/// measured profile from past runs when there is one, and the resources of the silos.
/// </summary>
/// <param name="Tokens">Tokens per ticket for the llm processor; null for other processors (or to assume the
/// planner's default for tickets of the dataset's mean length).</param>
/// <param name="Measured">Figures from past runs of this processor; null to plan from the reference profiles.</param>
/// <param name="System">The silos' cores and memory; null for the serving silo's own.</param>
/// <param name="MaxWorkers">The most workers the cluster may be given (the AutoScaler's bound).</param>
/// <param name="ComputeUsdPerWorkerHour">The compute price; null for the price table's.</param>
/// <param name="MemoryUsdPerGbHour">The memory price; null for the price table's.</param>
[GenerateSerializer, Immutable, Alias("PlanningRequest")]
public sealed record PlanningRequest(
    [property: Id(0)] DatasetShape Dataset,
    [property: Id(1)] Workload Workload,
    [property: Id(2)] TokenEstimate? Tokens = null,
    [property: Id(3)] MeasuredProfile? Measured = null,
    [property: Id(4)] SystemProfile? System = null,
    [property: Id(5)] int MaxWorkers = PlanningRequest.DefaultMaxWorkers,
    [property: Id(6)] decimal? ComputeUsdPerWorkerHour = null,
    [property: Id(7)] decimal? MemoryUsdPerGbHour = null)
{
    public const int DefaultMaxWorkers = 64;

    /// <summary>
    /// A request for a number of tickets that are not at hand: the planner assumes tickets like the synthetic
    /// generator's, for their size and, with the llm processor, their tokens.
    /// </summary>
    public static PlanningRequest ForTickets(long tickets, Workload workload) =>
        new(new DatasetShape(tickets, 0, 0), workload);
}
