using Scalability.GrainInterfaces.Costing;
using Scalability.GrainInterfaces.History;
using Scalability.Grains.History;

namespace Scalability.Grains.Costing;

/// <summary>
/// The cluster's cost model before a run: a thin front on the projector, the optimizer and the token estimator. It keeps
/// no state; what it plans with defaults to the resources of the silo it runs on. Sampling an input reads the whole file,
/// so it runs off the grain's turn.
/// </summary>
public sealed class CostModelGrain : Grain, ICostModelGrain
{
    public async Task<CostProjection> Project(PlanningRequest request, RunConfiguration configuration)
    {
        var completed = await WithHistoryAsync(request);
        return await Task.Run(() => new CostProjector(completed).Project(configuration));
    }

    public async Task<OptimizationResult> Optimize(PlanningRequest request, PlanningLimits limits)
    {
        var completed = await WithHistoryAsync(request);
        return await Task.Run(() => new CostOptimizer(new CostProjector(completed)).Optimize(limits));
    }

    public async Task<CostAnalysis> Analyze(PlanningRequest request, RunConfiguration? configuration, PlanningLimits limits)
    {
        var completed = await WithHistoryAsync(request);
        return await Task.Run(() => CostAnalyzer.Analyze(new CostProjector(completed), configuration, limits));
    }

    public Task<TokenEstimate> EstimateTokens(TokenSampleRequest request) =>
        Task.Run(() => TokenEstimator.ForInput(request with { Path = Path.GetFullPath(request.Path) }).Tokens);

    public Task<SystemProfile> GetSystemProfile() => Task.FromResult(SystemProfiler.Current());

    /// <summary>
    /// The request completed (<see cref="PlanningInputs.Complete"/>), on this silo's resources unless it names others,
    /// and planned from the processor's completed runs most like the dataset when the cluster has some, as a job plans
    /// itself: a measured profile the request brings from the history wins, a calibration run counts only without runs.
    /// </summary>
    private async Task<PlanningRequest> WithHistoryAsync(PlanningRequest request)
    {
        var measured = request.Measured is { IsCalibration: false } given
            ? given
            : await GrainFactory.GetGrain<IRunHistoryGrain>(IRunHistoryGrain.Key)
                  .GetProfileFor(RunHistory.ProcessorKey(request.Workload), request.Dataset.Rows, request.Dataset.Bytes) ?? request.Measured;
        var withHistory = request with { Measured = measured, System = request.System ?? SystemProfiler.Current() };
        return await Task.Run(() => PlanningInputs.Complete(withHistory));
    }
}
