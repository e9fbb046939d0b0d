using Scalability.GrainInterfaces.Costing;

namespace Scalability.Grains.Costing;

/// <summary>The resources of the process it runs in, as the optimizer's default limits.</summary>
public static class SystemProfiler
{
    /// <summary>
    /// The cores the runtime may schedule on and the memory the GC may use: the machine's, or its container's limits
    /// where they are set, which is what a silo here would have.
    /// </summary>
    public static SystemProfile Current() =>
        new(Environment.ProcessorCount, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes);
}
