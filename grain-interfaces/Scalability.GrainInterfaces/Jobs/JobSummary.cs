using Scalability.GrainInterfaces.Quality;

namespace Scalability.GrainInterfaces.Jobs;

/// <summary>
/// The outcome of a finished job, as written to the summary file and printed by <c>scale run --json</c>.
/// <see cref="InputRows"/> counts the input's records; <see cref="Ok"/> and <see cref="Failed"/> count output rows;
/// <see cref="Rejected"/> counts malformed records. For a completed job, <c>inputRows = ok + failed + rejected</c>;
/// in conversation mode an output row is a conversation, so <c>inputRows = messages + rejected</c> and
/// <c>conversations = ok + failed</c> instead.
/// </summary>
/// <param name="TicketsPerSecond">Input rows accounted for per second of the job.</param>
/// <param name="RowsPerSilo">Rows of committed chunks by the silo that processed them (parsable silo addresses).</param>
/// <param name="TokensIn">Prompt tokens paid for over the committed chunks (0 for processors that use none).</param>
/// <param name="TokensOut">Completion tokens paid for over the committed chunks.</param>
/// <param name="CostUsd">What the committed chunks' processing cost, at the job's prices.</param>
/// <param name="Failures">Failed rows by kind: <c>timeout</c>, <c>rate_limited</c>, <c>invalid_output</c>,
/// <c>processor_error</c>.</param>
/// <param name="Requests">Requests made for the committed chunks' rows, retries included.</param>
/// <param name="RateLimitedResponses">How many of those requests were answered 429.</param>
/// <param name="Conversations">In conversation mode, the conversations in the input (as planned); null otherwise.</param>
/// <param name="Messages">In conversation mode, the input records grouped into the conversations of the output; null
/// otherwise.</param>
/// <param name="BadInput">The job failed because its input cannot be used as it is (found while planning, e.g. a
/// conversation whose messages are not together); <c>scale run</c> exits with 2 for it, as for other bad input.</param>
/// <param name="EstimatedCostUsd">The cost estimated before the run (from the planned input, the processor's prices and
/// the runs before it), or null when none was made.</param>
/// <param name="EstimateErrorPercent">How far the estimate was from the cost: (estimate − cost) ÷ cost × 100; null
/// without an estimate or a cost.</param>
/// <param name="BudgetUsd">The job's budget when it ended, or null for none.</param>
/// <param name="EstimatedDurationSeconds">The duration estimated before the run (from the processor's earlier runs when
/// there are some), or null.</param>
/// <param name="DurationEstimateErrorPercent">(estimate − duration) ÷ duration × 100; null without an estimate.</param>
/// <param name="Quality">Categories with their confidence quartiles, the tickets to review, the languages and the proposed
/// new categories; null for a job that processed no chunk.</param>
[GenerateSerializer, Immutable, Alias("JobSummary")]
public sealed record JobSummary(
    [property: Id(0)] string JobId,
    [property: Id(1)] JobStatus Status,
    [property: Id(2)] string InputPath,
    [property: Id(3)] long InputRows,
    [property: Id(4)] long Ok,
    [property: Id(5)] long Failed,
    [property: Id(6)] long Rejected,
    [property: Id(7)] string? OutputPath,
    [property: Id(8)] string? RejectsPath,
    [property: Id(9)] double DurationSeconds,
    [property: Id(10)] double TicketsPerSecond,
    [property: Id(11)] int Chunks,
    [property: Id(12)] int ChunkRetries,
    [property: Id(13)] string? IdColumn,
    [property: Id(14)] string[] TextColumns,
    [property: Id(15)] IReadOnlyDictionary<string, long> Categories,
    [property: Id(16)] string? Error,
    [property: Id(17)] IReadOnlyDictionary<string, long> RowsPerSilo,
    [property: Id(18)] long TokensIn,
    [property: Id(19)] long TokensOut,
    [property: Id(20)] decimal CostUsd,
    [property: Id(21)] IReadOnlyDictionary<string, long> Failures,
    [property: Id(22)] long Requests,
    [property: Id(23)] long RateLimitedResponses,
    [property: Id(24)] long? Conversations = null,
    [property: Id(25)] long? Messages = null,
    [property: Id(26)] bool BadInput = false,
    [property: Id(27)] decimal? EstimatedCostUsd = null,
    [property: Id(28)] double? EstimateErrorPercent = null,
    [property: Id(29)] decimal? BudgetUsd = null,
    [property: Id(30)] double? EstimatedDurationSeconds = null,
    [property: Id(31)] double? DurationEstimateErrorPercent = null,
    [property: Id(32)] QualitySection? Quality = null);
