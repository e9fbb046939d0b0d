using Scalability.GrainInterfaces.Scaling;
using Scalability.Grains.Scaling.Policy;

namespace Scalability.Grains.Costing;

/// <summary>
/// What the AutoScaler does with a configuration's workers in each target mode, read from the policy's own tuning
/// (<see cref="ScalingPolicyOptions"/>) so that plans follow the policy when it changes.
/// <list type="bullet">
/// <item>It starts from one worker and grows by the mode's growth factor each control interval: the ramp.</item>
/// <item>A mode that holds its workers while chunks wait (speed) keeps every configured worker to the end, and pays for
/// those past the useful number; the others withdraw a step that adds no throughput, so run only the useful ones.</item>
/// <item>A mode that drops workers whose throughput falls below a share of the best (cost) releases those left idle
/// while the last chunks finish, and so does not pay for them.</item>
/// </list>
/// </summary>
public sealed record ModeBehaviour(TargetMode Mode, double GrowthFactor, bool HoldsAllWorkers, bool ReleasesIdleWorkers)
{
    public static IReadOnlyList<TargetMode> All { get; } =
        [TargetMode.CostOptimized, TargetMode.Balanced, TargetMode.SpeedOptimized, TargetMode.MemoryOptimized];

    public static ModeBehaviour For(TargetMode mode, ScalingPolicyOptions? policy = null)
    {
        var tuning = (policy ?? ScalingPolicyOptions.Default).For(mode);
        return new ModeBehaviour(mode, Math.Max(1.01, tuning.GrowthFactor), tuning.HoldWhileBacklog, tuning.MinWorkerEfficiency > 0);
    }

    /// <summary>
    /// Processing time lost while the workers grow from one to <paramref name="target"/>: each control interval, the
    /// share of the target not yet running.
    /// </summary>
    public double RampSeconds(int target, double controlIntervalSeconds)
    {
        var lost = 0.0;
        for (var workers = 1.0; workers < target;)
        {
            lost += (1 - workers / target) * controlIntervalSeconds;
            workers = Math.Min(target, Math.Max(workers + 1, Math.Floor(workers * GrowthFactor)));
        }

        return lost;
    }
}
