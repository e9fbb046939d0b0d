namespace Scalability.GrainInterfaces.Scaling;

/// <summary>What the AutoScaler optimizes for.</summary>
public enum TargetMode
{
    Balanced = 0,
    SpeedOptimized = 1,
    MemoryOptimized = 2,
    CostOptimized = 3,
}

/// <summary>
/// The AutoScaler's bounds and goal. The cluster's workers stay within [<see cref="MinWorkers"/>,
/// <see cref="MaxWorkers"/>] (the seed's <c>min_workers</c> and <c>max_auto_scale_workers</c>).
/// </summary>
/// <param name="Enabled">Whether the control loop changes workers; manual scaling works either way.</param>
/// <param name="MemoryLimitBytes">The streaming memory limit per silo the memory brake works against; 0 for what each
/// silo reports as available.</param>
[GenerateSerializer, Immutable, Alias("AutoScalerSettings")]
public sealed record AutoScalerSettings(
    [property: Id(0)] bool Enabled = true,
    [property: Id(1)] TargetMode Mode = TargetMode.Balanced,
    [property: Id(2)] int MinWorkers = 1,
    [property: Id(3)] int MaxWorkers = AutoScalerSettings.DefaultMaxWorkers,
    [property: Id(4)] long MemoryLimitBytes = 0)
{
    public const int DefaultMaxWorkers = 64;
}
