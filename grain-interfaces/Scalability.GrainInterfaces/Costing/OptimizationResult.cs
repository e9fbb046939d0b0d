namespace Scalability.GrainInterfaces.Costing;

/// <summary>
/// The answer of <c>optimize</c>: the cheapest configuration that meets every limit, the limits that kept a cheaper
/// one out, and the next-best ones; or, when none meets them, the limits that cannot all be met and the least change
/// to them that would make a configuration feasible.
/// </summary>
/// <param name="Best">The cheapest feasible configuration's projection; null when none is feasible.</param>
/// <param name="BindingConstraints">The limits without which a cheaper configuration would have been chosen.</param>
/// <param name="Alternatives">The next cheapest feasible configurations (each differing in workers or mode).</param>
/// <param name="ViolatedConstraints">When infeasible: the limits that no configuration meets together with the others.</param>
/// <param name="Relaxations">When infeasible: the smallest changes of the limits that make a configuration feasible.</param>
/// <param name="Limits">The limits the search worked to (the system's memory when no memory limit was given).</param>
/// <param name="Explanation">The answer in one sentence.</param>
[GenerateSerializer, Immutable, Alias("OptimizationResult")]
public sealed record OptimizationResult(
    [property: Id(0)] bool Feasible,
    [property: Id(1)] CostProjection? Best,
    [property: Id(2)] string[] BindingConstraints,
    [property: Id(3)] CostProjection[] Alternatives,
    [property: Id(4)] string[] ViolatedConstraints,
    [property: Id(5)] Relaxation[] Relaxations,
    [property: Id(6)] PlanningLimits Limits,
    [property: Id(7)] int ConfigurationsSearched,
    [property: Id(8)] string Explanation);

/// <summary>One way out of an infeasible plan: the limits to change, with the values that would do.</summary>
/// <param name="Limits">The changed limits (the others kept as given).</param>
/// <param name="Advice">In words, e.g. "raise the budget to $512.40".</param>
/// <param name="Configuration">A configuration that meets the changed limits.</param>
[GenerateSerializer, Immutable, Alias("Relaxation")]
public sealed record Relaxation(
    [property: Id(0)] PlanningLimits Limits,
    [property: Id(1)] string Advice,
    [property: Id(2)] RunConfiguration Configuration);
