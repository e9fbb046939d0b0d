using System.Text.Json.Serialization;
using Scalability.GrainInterfaces.Processing;
using Scalability.GrainInterfaces.Datasets;

namespace Scalability.GrainInterfaces.Jobs;

/// <summary>
/// Everything a job needs to run. Paths are absolute and must be readable (input) and writable (output) by every
/// silo that may take the job's chunks.
/// </summary>
/// <param name="InputPath">The CSV to process.</param>
/// <param name="OutputPath">Where the results CSV goes; the rejects and summary files sit beside it.</param>
/// <param name="ChunkSize">Records per chunk, or 0 to choose from the dataset's size.</param>
/// <param name="MaxWorkers">How many chunks may run at once across the cluster, or 0 for as many as the silos' worker
/// pools take.</param>
/// <param name="IdColumn">The id column, or null to detect it.</param>
/// <param name="TextColumns">The text columns, or null to detect them.</param>
/// <param name="KeepColumns">The input columns copied to the output, or null for all of them.</param>
/// <param name="Processor">The per-ticket processor.</param>
/// <param name="MaxChunkAttempts">Attempts per chunk before its rows are written as failed.</param>
/// <param name="MaxFailedFraction">The error budget: the job fails, keeping what it has done, once more than this
/// fraction of its input rows have failed; null for no budget.</param>
/// <param name="ConversationColumn">With a column name, the input holds one row per message and is processed as one
/// ticket per conversation: consecutive rows with the same value in this column are one conversation, whose key is
/// its id. Null for one ticket per row.</param>
/// <param name="OrderColumn">The column that orders a conversation's messages (numbers, ISO dates, otherwise text),
/// or null to keep their input order. Only with <see cref="ConversationColumn"/>.</param>
/// <param name="BudgetUsd">The most the job may be billed by its processor (LLM tokens), or null for no limit: the job
/// pauses before its spend plus the worst case of the work in flight could pass it, and resumes with a larger one. Not
/// part of the job's identity: the same job submitted again with another budget takes the new one.</param>
/// <param name="TimeLimitHours">When the job should be done, in hours from its submission, or null for no limit: the
/// AutoScaler is asked for more workers when the projected finish passes it. Not part of the job's identity.</param>
/// <param name="Limits">The largest field and row read; null for the defaults (1 MiB and 4 MiB).</param>
/// <param name="AllowFormulas">Whether text cells of the results and rejects that a spreadsheet would run as a formula
/// are written as they are; by default they are neutralised (see <c>SpreadsheetSafety</c>).</param>
/// <param name="ReviewBelow">The review threshold: a ticket categorized with a confidence under it goes to the review
/// file beside the results (as do those in the fallback category), and is counted in the summary's quality section.</param>
[GenerateSerializer, Immutable, Alias("JobSpec")]
public sealed record JobSpec(
    [property: Id(0)] string InputPath,
    [property: Id(1)] string OutputPath,
    [property: Id(2)] int ChunkSize = JobSpec.AutoChunkSize,
    [property: Id(3)] int MaxWorkers = 0,
    [property: Id(4)] string? IdColumn = null,
    [property: Id(5)] string[]? TextColumns = null,
    [property: Id(6)] string[]? KeepColumns = null,
    [property: Id(7)] ProcessorSpec? Processor = null,
    [property: Id(8)] int MaxChunkAttempts = JobSpec.DefaultMaxChunkAttempts,
    [property: Id(9)] double? MaxFailedFraction = null,
    [property: Id(10)] string? ConversationColumn = null,
    [property: Id(11)] string? OrderColumn = null,
    [property: Id(12)] decimal? BudgetUsd = null,
    [property: Id(13)] double? TimeLimitHours = null,
    [property: Id(14)] InputLimits? Limits = null,
    [property: Id(15)] bool AllowFormulas = false,
    [property: Id(16)] double ReviewBelow = JobSpec.DefaultReviewBelow)
{
    /// <summary>Let the planner choose the chunk size from the row count.</summary>
    public const int AutoChunkSize = 0;
    public const int DefaultMaxChunkAttempts = 3;
    public const double DefaultReviewBelow = 0.5;

    [JsonIgnore]
    public ProcessorSpec EffectiveProcessor => Processor ?? ProcessorSpec.Local;

    /// <summary>The spec without the limits that may change between submissions of the same job.</summary>
    [JsonIgnore]
    public JobSpec Identity => this with { BudgetUsd = null, TimeLimitHours = null };
}
