namespace Scalability.Grains.Jobs;

/// <summary>
/// A job's timeline: a sample every <see cref="IntervalSeconds"/>. It stays bounded on any job length: when it
/// reaches <see cref="MaxSamples"/>, every other sample is dropped and the interval doubles, so a long job keeps
/// evenly spaced points from start to end.
/// </summary>
[GenerateSerializer, Alias("JobTimeline")]
public sealed class JobTimeline
{
    public const int MaxSamples = 720;
    public const double FirstIntervalSeconds = 2;

    [Id(0)] public List<JobSample> Samples { get; set; } = [];
    [Id(1)] public double IntervalSeconds { get; set; } = FirstIntervalSeconds;

    public bool Due(DateTime now) => Samples.Count == 0 || (now - Samples[^1].TimeUtc).TotalSeconds >= IntervalSeconds;

    public JobSample? Last => Samples.Count > 0 ? Samples[^1] : null;

    public void Add(JobSample sample)
    {
        Samples.Add(sample);
        if (Samples.Count > MaxSamples)
        {
            // Keep the first and every other one after it; the newest is kept too, so the end of the job stays visible.
            Samples = Samples.Where((_, i) => i % 2 == 0 || i == Samples.Count - 1).ToList();
            IntervalSeconds *= 2;
        }
    }
}
