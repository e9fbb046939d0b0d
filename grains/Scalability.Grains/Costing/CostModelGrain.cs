using Scalability.GrainInterfaces.Costing;

namespace Scalability.Grains.Costing;

/// <summary>
/// The cluster's cost model before a run: a thin front on the projector, the optimizer and the token estimator. It keeps
/// no state; what it plans with defaults to the resources of the silo it runs on. Sampling an input reads the whole file,
/// so it runs off the grain's turn.
/// </summary>
public sealed class CostModelGrain : Grain, ICostModelGrain
{
    public Task<CostProjection> Project(PlanningRequest request, RunConfiguration configuration) =>
        Task.Run(() => new CostProjector(WithSystem(request)).Project(configuration));

    public Task<OptimizationResult> Optimize(PlanningRequest request, PlanningLimits limits) =>
        Task.Run(() => new CostOptimizer(new CostProjector(WithSystem(request))).Optimize(limits));

    public Task<CostAnalysis> Analyze(PlanningRequest request, RunConfiguration? configuration, PlanningLimits limits) =>
        Task.Run(() => CostAnalyzer.Analyze(new CostProjector(WithSystem(request)), configuration, limits));

    public Task<TokenEstimate> EstimateTokens(TokenSampleRequest request) =>
        Task.Run(() => TokenEstimator.ForInput(request with { Path = Path.GetFullPath(request.Path) }).Tokens);

    public Task<SystemProfile> GetSystemProfile() => Task.FromResult(SystemProfiler.Current());

    /// <summary>The request completed (<see cref="PlanningInputs.Complete"/>), on this silo's resources unless it names others.</summary>
    private static PlanningRequest WithSystem(PlanningRequest request) =>
        PlanningInputs.Complete(request) with { System = request.System ?? SystemProfiler.Current() };
}
