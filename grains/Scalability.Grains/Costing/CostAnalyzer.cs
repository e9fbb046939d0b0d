using Scalability.GrainInterfaces.Costing;

namespace Scalability.Grains.Costing;

/// <summary>
/// The comprehensive analysis of a dataset: the projection of one configuration (the reference profile's when none is
/// given), the cost per ticket of the cheapest configuration the system can run, and the recommendation under limits.
/// </summary>
public static class CostAnalyzer
{
    public static CostAnalysis Analyze(CostProjector projector, RunConfiguration? configuration, PlanningLimits limits)
    {
        var projection = projector.Project(configuration ?? projector.ReferenceConfiguration());
        var optimizer = new CostOptimizer(projector);
        var recommendation = optimizer.Optimize(limits);
        var unconstrained = limits == new PlanningLimits() ? recommendation : optimizer.Optimize(new PlanningLimits());
        var rows = projector.Request.Dataset.Rows;
        var optimal = unconstrained.Best is { } best && rows > 0
            ? Math.Round(best.TotalCostUsd / rows, 6, MidpointRounding.AwayFromZero)
            : projection.CostPerTicketUsd;
        return new CostAnalysis(projector.Request.Dataset, projection, optimal, recommendation);
    }
}
