namespace Scalability.Grains.Scaling.Policy;

/// <summary>
/// Bounds on the cluster's total workers: the seed's <c>min_workers</c> and <c>max_auto_scale_workers</c>.
/// </summary>
public sealed record ScalingLimits(int MinWorkers, int MaxWorkers)
{
    public void Validate()
    {
        if (MinWorkers < 0)
        {
            throw new ArgumentException($"min_workers must be 0 or more (got {MinWorkers})");
        }

        if (MaxWorkers < 1 || MaxWorkers < MinWorkers)
        {
            throw new ArgumentException($"max_auto_scale_workers must be at least 1 and at least min_workers {MinWorkers} (got {MaxWorkers})");
        }
    }

    public int Clamp(int workers) => Math.Clamp(workers, MinWorkers, MaxWorkers);
}
