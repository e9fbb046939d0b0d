namespace Scalability.GrainInterfaces.Costing;

/// <summary>
/// The cluster's cost model before a run: projections of a configuration, the cheapest configuration under limits, and
/// token estimates sampled from an input. One per cluster (<see cref="Key"/>); it holds no state, and the resources it
/// plans with default to those of the silo it runs on.
/// </summary>
[Alias("ICostModelGrain")]
public interface ICostModelGrain : IGrainWithStringKey
{
    public const string Key = "cluster";

    [Alias("Project")]
    Task<CostProjection> Project(PlanningRequest request, RunConfiguration configuration);

    [Alias("Optimize")]
    Task<OptimizationResult> Optimize(PlanningRequest request, PlanningLimits limits);

    /// <summary>The projection of <paramref name="configuration"/> (null: the reference profile's), the optimal cost per
    /// ticket and a recommendation under <paramref name="limits"/>.</summary>
    [Alias("Analyze")]
    Task<CostAnalysis> Analyze(PlanningRequest request, RunConfiguration? configuration, PlanningLimits limits);

    /// <summary>Tokens per ticket, counted on a deterministic sample of the input file (which the silo must be able to read).</summary>
    [Alias("EstimateTokens")]
    Task<TokenEstimate> EstimateTokens(TokenSampleRequest request);

    /// <summary>The cores and memory of the silo this grain runs on.</summary>
    [Alias("GetSystemProfile")]
    Task<SystemProfile> GetSystemProfile();
}
