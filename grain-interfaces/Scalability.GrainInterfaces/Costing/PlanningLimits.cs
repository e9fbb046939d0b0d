namespace Scalability.GrainInterfaces.Costing;

/// <summary>The limits a configuration must meet; any of them may be left out.</summary>
[GenerateSerializer, Immutable, Alias("PlanningLimits")]
public sealed record PlanningLimits(
    [property: Id(0)] decimal? BudgetUsd = null,
    [property: Id(1)] double? TimeLimitHours = null,
    [property: Id(2)] double? MemoryLimitGb = null)
{
    public const string Budget = "budget";
    public const string TimeLimit = "time limit";
    public const string MemoryLimit = "memory limit";
}
