namespace Scalability.GrainInterfaces.Costing;

/// <summary>The resources planning may count on: the cores and memory available to the silos.</summary>
/// <param name="Cores">Logical processors; a CPU-bound processor gains nothing from more busy workers than this.</param>
/// <param name="AvailableMemoryBytes">Memory the process may use (the machine's or its container's limit).</param>
[GenerateSerializer, Immutable, Alias("SystemProfile")]
public sealed record SystemProfile(
    [property: Id(0)] int Cores,
    [property: Id(1)] long AvailableMemoryBytes)
{
    public double AvailableMemoryGb => AvailableMemoryBytes / (1024.0 * 1024 * 1024);
}
