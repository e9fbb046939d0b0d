namespace Scalability.Grains.Scaling.Policy;

/// <summary>The seed's names of the AutoScaler's target modes (<see cref="TargetMode"/>).</summary>
public static class TargetModes
{
    /// <summary>The seed's spelling: <c>balanced</c>, <c>speed_optimized</c>, <c>memory_optimized</c>, <c>cost_optimized</c>.</summary>
    public static string ToSeedName(this TargetMode mode) => mode switch
    {
        TargetMode.SpeedOptimized => "speed_optimized",
        TargetMode.MemoryOptimized => "memory_optimized",
        TargetMode.CostOptimized => "cost_optimized",
        _ => "balanced",
    };

    /// <summary>
    /// Reads a mode as the seed writes it (<c>speed_optimized</c>), with a dash, as the enum name, or short
    /// (<c>speed</c>, <c>memory</c>, <c>cost</c>), ignoring case.
    /// </summary>
    public static bool TryParse(string? text, out TargetMode mode)
    {
        var key = (text ?? "").Trim().Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal)
            .ToUpperInvariant();
        if (key.EndsWith("OPTIMIZED", StringComparison.Ordinal))
        {
            key = key[..^"OPTIMIZED".Length];
        }

        (var known, mode) = key switch
        {
            "BALANCED" => (true, TargetMode.Balanced),
            "SPEED" => (true, TargetMode.SpeedOptimized),
            "MEMORY" => (true, TargetMode.MemoryOptimized),
            "COST" => (true, TargetMode.CostOptimized),
            _ => (false, TargetMode.Balanced),
        };
        return known;
    }
}
