namespace Scalability.Grains.Scaling;

/// <summary>The AutoScaler's durable state: its settings, the cluster's worker targets, the override and the decision log.</summary>
[GenerateSerializer, Alias("AutoScalerState")]
public sealed class AutoScalerState
{
    [Id(0)] public AutoScalerSettings? Settings { get; set; }
    [Id(1)] public int TotalWorkers { get; set; }
    [Id(2)] public Dictionary<string, int> Targets { get; set; } = new(StringComparer.Ordinal);
    [Id(3)] public string? ManualReason { get; set; }
    [Id(4)] public DateTime? ManualUntilUtc { get; set; }
    [Id(5)] public List<ScalingDecision> Decisions { get; set; } = [];

    /// <summary>The silos the workers are shared among, with their cores.</summary>
    [Id(6)] public Dictionary<string, int> Cores { get; set; } = new(StringComparer.Ordinal);
}
