using Scalability.Grains.Quality;

namespace Scalability.Grains.Jobs;

/// <summary>A job's durable state: spec, chunk table, totals and outcome. Saved at every change of a chunk's fate.</summary>
[GenerateSerializer, Alias("JobState")]
public sealed class JobState
{
    [Id(0)] public JobSpec? Spec { get; set; }
    [Id(1)] public JobStatus Status { get; set; }
    [Id(4)] public List<ChunkEntry> Chunks { get; set; } = [];
    [Id(5)] public DateTime SubmittedUtc { get; set; }
    [Id(6)] public DateTime? RunningSinceUtc { get; set; }
    [Id(7)] public DateTime? FinishedUtc { get; set; }
    [Id(8)] public string? Error { get; set; }
    [Id(9)] public JobSummary? Summary { get; set; }

    /// <summary>Tickets per category over the committed chunks.</summary>
    [Id(10)] public Dictionary<string, long> Categories { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Tokens, spend and requests over the committed chunks.</summary>
    [Id(11)] public ProcessingUsage Usage { get; set; } = ProcessingUsage.Zero;

    /// <summary>Failed rows by kind over the committed chunks.</summary>
    [Id(12)] public Dictionary<string, long> Failures { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The job's trace (a W3C <c>traceparent</c>), which its chunks' spans join; null when none was started.</summary>
    [Id(13)] public string? TraceParent { get; set; }

    /// <summary>The budget now: the spec's, or the one given when the job was last resumed or submitted again.</summary>
    [Id(14)] public decimal? BudgetUsd { get; set; }

    /// <summary>The time limit now, in hours from submission.</summary>
    [Id(15)] public double? TimeLimitHours { get; set; }

    /// <summary>Why the job is paused, or a warning about its time limit; null otherwise.</summary>
    [Id(16)] public string? Notice { get; set; }

    /// <summary>Whether the pause is the budget's (a larger budget lifts it), not a request's.</summary>
    [Id(17)] public bool PausedForBudget { get; set; }

    /// <summary>A warning that the job is behind its time limit, while it is; null otherwise.</summary>
    [Id(19)] public string? DeadlineNotice { get; set; }

    /// <summary>The cost estimated before the run, once planning is done; null when none could be made.</summary>
    [Id(18)] public decimal? EstimatedCostUsd { get; set; }

    /// <summary>The duration estimated before the run, once planning is done; null when none could be made.</summary>
    [Id(20)] public double? EstimatedDurationSeconds { get; set; }

    /// <summary>The committed chunks' processing time added up, in worker-seconds.</summary>
    [Id(21)] public double BusyWorkerSeconds { get; set; }

    /// <summary>When the last chunk committed and the parts began to be joined.</summary>
    [Id(22)] public DateTime? AssemblingSinceUtc { get; set; }

    /// <summary>Confidences per category, languages and review counts over the committed chunks.</summary>
    [Id(23)] public QualityTotals Quality { get; set; } = new();
}

/// <summary>
/// A job's plan: the manifest (chunk boundaries) and the column mapping. Written once when planning ends and kept
/// apart from <see cref="JobState"/>, so that the saves at every commit do not carry it.
/// </summary>
[GenerateSerializer, Alias("JobPlan")]
public sealed class JobPlan
{
    [Id(0)] public DatasetManifest? Manifest { get; set; }
    [Id(1)] public ColumnMapping? Mapping { get; set; }
}
