namespace Scalability.Grains.Costing;

/// <summary>What running costs: USD per worker-hour and per GB-hour of memory given to workers.</summary>
public sealed record ComputePrices(decimal ComputeUsdPerWorkerHour, decimal MemoryUsdPerGbHour)
{
    /// <summary>The cost of <paramref name="workerHours"/> of workers and <paramref name="gbHours"/> of their memory.</summary>
    public (decimal Compute, decimal Memory) Cost(double workerHours, double gbHours) =>
        ((decimal)workerHours * ComputeUsdPerWorkerHour, (decimal)gbHours * MemoryUsdPerGbHour);
}
