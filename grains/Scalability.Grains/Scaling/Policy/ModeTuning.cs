namespace Scalability.Grains.Scaling.Policy;

/// <summary>How one <see cref="TargetMode"/> trades workers for throughput.</summary>
public sealed record ModeTuning
{
    /// <summary>
    /// Growth per step while nothing limits it yet (no knee, no 429 level found): the new count is
    /// max(workers + 1, workers × factor).
    /// </summary>
    public required double GrowthFactor { get; init; }

    /// <summary>
    /// The share of the proportional gain a step up must return to be kept: a step from 10 to 15 workers (+50%) that
    /// raises tickets/s by 10% returned 0.2 of it. A step below this is withdrawn, and growth stops there.
    /// </summary>
    public required double MinStepEfficiency { get; init; }

    /// <summary>
    /// Tickets/s per busy worker must stay at or above this share of the best recently seen; 0 turns the rule off.
    /// Below it a step up is withdrawn, and a level that stays below it steps down (not in speed mode while backlog remains).
    /// </summary>
    public double MinWorkerEfficiency { get; init; }

    /// <summary>
    /// How far the p50 may rise above the lowest recently seen (p50 ÷ lowest p50) before growth stops; past it for
    /// <see cref="ScalingPolicyOptions.HysteresisWindows"/> windows the policy steps down one worker.
    /// </summary>
    public required double LatencyTolerance { get; init; }

    /// <summary>Memory share of the limit above which the policy never grows, and to which a memory cut aims.</summary>
    public required double MemoryLowWater { get; init; }

    /// <summary>Memory share of the limit above which the policy cuts.</summary>
    public required double MemoryHighWater { get; init; }

    /// <summary>
    /// Never step down for slack while chunks are waiting (errors, 429s and memory still cut, and a step up that
    /// bought nothing is still withdrawn).
    /// </summary>
    public bool HoldWhileBacklog { get; init; }
}
