namespace Scalability.GrainInterfaces.Costing;

/// <summary>
/// The comprehensive analysis: the projection of the configuration asked about (or the reference profile's), the
/// cost per ticket of the cheapest configuration, and the recommended configuration under the limits given.
/// </summary>
/// <param name="Projection">The projection of the configuration analysed.</param>
/// <param name="OptimalCostPerTicketUsd">The cost per ticket of the cheapest configuration the system can run.</param>
/// <param name="Recommendation">The optimizer's answer under the limits (none given: the system's memory only).</param>
[GenerateSerializer, Immutable, Alias("CostAnalysis")]
public sealed record CostAnalysis(
    [property: Id(0)] DatasetShape Dataset,
    [property: Id(1)] CostProjection Projection,
    [property: Id(2)] decimal OptimalCostPerTicketUsd,
    [property: Id(3)] OptimizationResult Recommendation);
