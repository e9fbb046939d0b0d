using Scalability.GrainInterfaces.Quality;

namespace Scalability.Grains.Reporting;

/// <summary>
/// The scaling report of one job (<c>scale report</c>, <c>/api/jobs/{id}/report</c>): what it was asked to do, when it
/// ran, what it produced and spent, each silo's share, its timeline, every scaling decision made while it ran, and how
/// the job's own estimate compared with what happened, beside the seed's reference profile. Built by
/// <see cref="ScalingReportBuilder"/>; serialised with <c>ScaleJson.Options</c> or rendered by <see cref="ScalingReportHtml"/>.
/// </summary>
/// <param name="Decisions">The AutoScaler's decisions from the job's submission to its end (or to now), oldest first.</param>
/// <param name="Estimates">The job's own estimate against what it did; null until the job has made one (once planned).</param>
/// <param name="Reference">The seed's reference profile for the job's row count, for LLM-class processing; null while the
/// row count is not known.</param>
/// <param name="Quality">The summary's quality section once the job has finished; null before.</param>
public sealed record ScalingReport(
    string JobId,
    JobStatus Status,
    string? Error,
    DateTime GeneratedUtc,
    ReportSpec Spec,
    ReportTimings Timings,
    ReportTotals Totals,
    IReadOnlyList<SiloTotals> Silos,
    IReadOnlyList<JobSample> Timeline,
    IReadOnlyList<ScalingDecision> Decisions,
    EstimatesVsActuals? Estimates,
    QualitySection? Quality = null,
    ReferenceProfile? Reference = null);

/// <summary>The job's spec in brief; the id and text columns are those the job used once it has finished.</summary>
/// <param name="Processor">The processor in words: its kind and what it is set up with.</param>
/// <param name="ChunkSize">Records per chunk as asked; 0 when the planner chose.</param>
/// <param name="MaxWorkers">The job's cap on chunks at once; 0 for none.</param>
/// <param name="IdColumn">Null for none given (while the job runs) or none found (once it has finished).</param>
public sealed record ReportSpec(
    string InputPath,
    string OutputPath,
    string Processor,
    int ChunkSize,
    int MaxWorkers,
    string? IdColumn,
    IReadOnlyList<string> TextColumns,
    string? ConversationColumn);

/// <param name="ElapsedSeconds">From submission to the end, or to the report's time while the job runs.</param>
/// <param name="PlanningSeconds">From submission to the first lease; null while planning.</param>
public sealed record ReportTimings(
    DateTime SubmittedUtc,
    DateTime? RunningSinceUtc,
    DateTime? FinishedUtc,
    double ElapsedSeconds,
    double? PlanningSeconds);

/// <summary>
/// What the job produced and used: the summary's figures for a finished job, the progress so far otherwise (where
/// retries, failure kinds and categories are not known yet: null and empty).
/// </summary>
/// <param name="PeakJobWorkers">The most chunks of this job that ran at once, over the timeline.</param>
/// <param name="PeakClusterWorkers">The cluster's highest worker limit over the timeline.</param>
public sealed record ReportTotals(
    long InputRows,
    long ProcessedRows,
    long Ok,
    long Failed,
    long Rejected,
    long? Messages,
    long? Conversations,
    int Chunks,
    int ChunksDone,
    int? ChunkRetries,
    double TicketsPerSecond,
    long TokensIn,
    long TokensOut,
    decimal CostUsd,
    long Requests,
    long RateLimited,
    IReadOnlyDictionary<string, long> Failures,
    IReadOnlyDictionary<string, long> Categories,
    int PeakJobWorkers,
    int PeakClusterWorkers);

/// <summary>One silo's part in the job.</summary>
/// <param name="Rows">Rows of the committed chunks it processed.</param>
/// <param name="SharePercent">Its rows as a percentage of all committed rows.</param>
/// <param name="PeakWorkers">The most chunks of this job it ran at once, over the timeline.</param>
/// <param name="WorkerSeconds">Its chunks running for this job integrated over the timeline (trapezoids between
/// samples): the worker time it gave the job.</param>
public sealed record SiloTotals(string Silo, long Rows, double SharePercent, int PeakWorkers, double WorkerSeconds);

/// <summary>
/// The job's own estimate, made once it was planned (the one its summary carries), against what the job did. Actuals
/// are known once the job has finished; the estimate error is <c>(estimate − actual) / actual</c> in percent, to one
/// decimal, as in the summary: positive when the estimate was too high.
/// </summary>
/// <param name="Source">Where the estimate came from, in words.</param>
/// <param name="TicketsPerSecond">The rows over the estimated duration, against the rows over the duration.</param>
public sealed record EstimatesVsActuals(
    string Source,
    long Rows,
    EstimateComparison<double> DurationSeconds,
    EstimateComparison<decimal> CostUsd,
    EstimateComparison<double> TicketsPerSecond);

/// <summary>
/// The seed's resource profile for the job's row count (<c>resource-profiles.json</c>): what processing by a language
/// model was expected to take. A reference, never the estimate of a job: for the local processor and plug-ins it says
/// nothing about this job.
/// </summary>
/// <param name="RowRange">The rows the profile is for, in words ("1,001 to 10,000 rows").</param>
/// <param name="JobRows">The job's rows, for which the cost is the profile's cost per ticket times them.</param>
/// <param name="Note">What the profile is to this job, in words.</param>
public sealed record ReferenceProfile(
    string Name, string RowRange, long JobRows, double DurationSeconds, decimal CostUsd, int Workers, int MemoryMbPerWorker, string Note);

/// <param name="Actual">Null until the job has finished.</param>
/// <param name="ErrorPercent">Null without an actual, or when the actual is 0.</param>
public sealed record EstimateComparison<T>(T Estimated, T? Actual, double? ErrorPercent) where T : struct;
