namespace Scalability.Grains.Telemetry;

/// <summary>Names of the tags on the product's metrics and spans.</summary>
public static class TelemetryTags
{
    public const string Processor = "processor";
    public const string Status = "status";
    public const string Kind = "kind";
    public const string Outcome = "outcome";
    public const string Silo = "silo";

    public const string JobId = "scalability.job.id";
    public const string JobInput = "scalability.job.input";
    public const string JobStatus = "scalability.job.status";
    public const string JobChunks = "scalability.job.chunks";
    public const string JobChunkRetries = "scalability.job.chunk_retries";
    public const string ChunkIndex = "scalability.chunk.index";
    public const string ChunkAttempt = "scalability.chunk.attempt";
    public const string ChunkOutcome = "scalability.chunk.outcome";
    public const string ChunkSilo = "scalability.silo";
    public const string ProcessorKind = "scalability.processor";
    public const string RowsOk = "scalability.rows.ok";
    public const string RowsFailed = "scalability.rows.failed";
    public const string RowsRejected = "scalability.rows.rejected";
    public const string TokensIn = "scalability.tokens.in";
    public const string TokensOut = "scalability.tokens.out";
    public const string CostUsd = "scalability.cost_usd";
}
