namespace Scalability.Grains.Scaling;

/// <summary>A silo's worker pool settings.</summary>
public sealed class WorkerPoolOptions
{
    /// <summary>Chunks this silo runs at once; 0 for one per processor core.</summary>
    public int Workers { get; set; }

    /// <summary>How long an idle pool waits before asking the jobs for work again.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Which jobs this pool takes chunks from; null for every unfinished job. An embedded silo works only on the job
    /// its command runs, even when its state folder holds other unfinished jobs.
    /// </summary>
    public Func<string, bool>? AcceptsJob { get; set; }

    /// <summary>How often the pool reports its metrics to the AutoScaler and takes its worker limit from the answer.</summary>
    public TimeSpan ReportInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The span of recent work the reported rates and percentiles cover: one report interval, because the control
    /// policy judges each of its steps on the windows after it, and a longer window would mix in the level before.
    /// </summary>
    public TimeSpan MetricsWindow { get; set; } = TimeSpan.FromSeconds(2);

    public int EffectiveWorkers => Workers > 0 ? Workers : Environment.ProcessorCount;
}
