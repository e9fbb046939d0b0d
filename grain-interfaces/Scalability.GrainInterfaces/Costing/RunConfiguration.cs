using Scalability.GrainInterfaces.Scaling;

namespace Scalability.GrainInterfaces.Costing;

/// <summary>One way to run a job: the cluster's workers, the memory each is given, the AutoScaler's mode and the chunk size.</summary>
[GenerateSerializer, Immutable, Alias("RunConfiguration")]
public sealed record RunConfiguration(
    [property: Id(0)] int Workers,
    [property: Id(1)] int MemoryMbPerWorker,
    [property: Id(2)] TargetMode Mode,
    [property: Id(3)] int ChunkSize);
