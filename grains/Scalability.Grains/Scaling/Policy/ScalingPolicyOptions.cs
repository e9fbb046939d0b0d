namespace Scalability.Grains.Scaling.Policy;

/// <summary>
/// Tunables of <see cref="ScalingPolicy"/>. Times are counted in windows, one window per call to
/// <see cref="ScalingPolicy.Decide"/>; the defaults assume a control interval of about 2 s with each observation
/// covering the interval since the previous one (not a longer sliding window).
/// </summary>
public sealed record ScalingPolicyOptions
{
    public static ScalingPolicyOptions Default { get; } = new();

    /// <summary>Error rate above which the policy cuts, in every mode (the seed's example: above 5% it scales down).</summary>
    public double ErrorRateThreshold { get; init; } = 0.05;

    /// <summary>The multiplicative cut on errors.</summary>
    public double ErrorCutFactor { get; init; } = 0.7;

    /// <summary>Share of requests answered 429 above which the policy cuts and remembers a 429 level.</summary>
    public double RateLimitThreshold { get; init; } = 0.01;

    /// <summary>
    /// Share of requests answered 429 at or below which a level counts as free of them. Between this and
    /// <see cref="RateLimitThreshold"/> the policy does not grow and steps down one worker after
    /// <see cref="HysteresisWindows"/> windows: with a Retry-After the refused workers wait instead of asking again,
    /// so a few too many workers show as well under 1% of 429s.
    /// </summary>
    public double RateLimitQuietThreshold { get; init; } = 0.0025;

    /// <summary>
    /// A 429 cut aims this far under the level the endpoint accepted: the cut factor is
    /// (1 − 429 rate) × headroom, kept within [<see cref="DeepestCut"/>, <see cref="ShallowestCut"/>].
    /// </summary>
    public double RateLimitHeadroom { get; init; } = 0.9;

    /// <summary>No single cut goes below this share of the workers (TCP's halving).</summary>
    public double DeepestCut { get; init; } = 0.5;

    /// <summary>
    /// No 429 cut sized by the served rate (Little's law over clean windows) goes below this share of the workers: it
    /// rests on measurements, so it may undo a large overshoot in one step.
    /// </summary>
    public double DeepestServedRateCut { get; init; } = 0.25;

    /// <summary>A 429 cut takes at least this much off (×0.9), so that a small excess still clears.</summary>
    public double ShallowestCut { get; init; } = 0.9;

    /// <summary>
    /// Windows after a change whose figures mix the old and the new level: they are not used to judge the change
    /// (cuts still react to them).
    /// </summary>
    public int SettleWindows { get; init; } = 1;

    /// <summary>
    /// Windows after a cut before another cut, so one burst is not cut twice before the first cut shows: requests
    /// refused at the old level come back after their Retry-After and still draw 429s in the first window or two.
    /// </summary>
    public int CutCooldownWindows { get; init; } = 2;

    /// <summary>Consecutive windows of slack (or of latency past the tolerance) before stepping down one worker.</summary>
    public int HysteresisWindows { get; init; } = 5;

    /// <summary>Consecutive idle windows (no backlog, nobody busy) before drifting down.</summary>
    public int IdleWindows { get; init; } = 3;

    /// <summary>Share of the workers given back per idle window once idle (at least one).</summary>
    public double IdleDriftFraction { get; init; } = 0.1;

    /// <summary>
    /// Windows held at a knee or just under a 429 level before probing one step above it. Every failed probe doubles
    /// the wait, up to <see cref="MaxReprobeWindows"/>; a successful one resets it.
    /// </summary>
    public int ReprobeWindows { get; init; } = 30;

    public int MaxReprobeWindows { get; init; } = 120;

    /// <summary>Step size, as a share of the workers (at least one), once a knee has been found.</summary>
    public double ProbeFraction { get; init; } = 0.125;

    /// <summary>Below this share of the workers busy, with chunks waiting, more workers would not be used: no growth.</summary>
    public double BusyFractionForGrowth { get; init; } = 0.75;

    /// <summary>CPU share of the cluster's cores from which growth takes one probe step instead of a multiplicative one.</summary>
    public double CpuSaturation { get; init; } = 0.9;

    /// <summary>Windows over which the lowest p50 and the best tickets/s per worker are remembered.</summary>
    public int BaselineWindows { get; init; } = 60;

    /// <summary>Smoothing of a held level's tickets/s (weight of the newest window), the reference a step up is judged against.</summary>
    public double LevelSmoothing { get; init; } = 0.3;

    public ModeTuning Balanced { get; init; } = new()
    {
        GrowthFactor = 1.5,
        MinStepEfficiency = 0.2,
        LatencyTolerance = 2.0,
        MemoryLowWater = 0.75,
        MemoryHighWater = 0.85,
    };

    public ModeTuning SpeedOptimized { get; init; } = new()
    {
        GrowthFactor = 2.0,
        MinStepEfficiency = 0.1,
        LatencyTolerance = 4.0,
        MemoryLowWater = 0.75,
        MemoryHighWater = 0.85,
        HoldWhileBacklog = true,
    };

    public ModeTuning CostOptimized { get; init; } = new()
    {
        GrowthFactor = 1.25,
        MinStepEfficiency = 0.8,
        MinWorkerEfficiency = 0.8,
        LatencyTolerance = 1.25,
        MemoryLowWater = 0.75,
        MemoryHighWater = 0.85,
    };

    public ModeTuning MemoryOptimized { get; init; } = new()
    {
        GrowthFactor = 1.25,
        MinStepEfficiency = 0.2,
        LatencyTolerance = 2.0,
        MemoryLowWater = 0.6,
        MemoryHighWater = 0.7,
    };

    public ModeTuning For(TargetMode mode) => mode switch
    {
        TargetMode.SpeedOptimized => SpeedOptimized,
        TargetMode.CostOptimized => CostOptimized,
        TargetMode.MemoryOptimized => MemoryOptimized,
        _ => Balanced,
    };
}
