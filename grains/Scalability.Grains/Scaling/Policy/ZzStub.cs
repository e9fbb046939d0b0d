namespace Scalability.Grains.Scaling.Policy;
public sealed record ScalingObservation(int Workers, int BusyWorkers, double TicketsPerSecond, double TicketLatencyP50Ms, double TicketLatencyP95Ms, double ErrorRate, double RateLimitedRate, double CpuUtilization, double MemoryUtilization, long Backlog, int Cores);
public sealed record ScalingLimits(int MinWorkers, int MaxWorkers);
public readonly record struct ScalingStep(int Workers, string Reason);
public sealed class ScalingPolicy(TargetMode mode, ScalingLimits limits)
{
    public ScalingStep Decide(ScalingObservation o) => new(Math.Clamp(o.Workers, limits.MinWorkers, limits.MaxWorkers), mode.ToString());
}
