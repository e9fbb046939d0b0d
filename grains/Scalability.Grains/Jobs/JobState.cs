namespace Scalability.Grains.Jobs;

/// <summary>A job's durable state: spec, plan, chunk table and outcome. Saved at every change of a chunk's fate.</summary>
[GenerateSerializer, Alias("JobState")]
public sealed class JobState
{
    [Id(0)] public JobSpec? Spec { get; set; }
    [Id(1)] public JobStatus Status { get; set; }
    [Id(2)] public DatasetManifest? Manifest { get; set; }
    [Id(3)] public ColumnMapping? Mapping { get; set; }
    [Id(4)] public List<ChunkEntry> Chunks { get; set; } = [];
    [Id(5)] public DateTime SubmittedUtc { get; set; }
    [Id(6)] public DateTime? RunningSinceUtc { get; set; }
    [Id(7)] public DateTime? FinishedUtc { get; set; }
    [Id(8)] public string? Error { get; set; }
    [Id(9)] public JobSummary? Summary { get; set; }
}
