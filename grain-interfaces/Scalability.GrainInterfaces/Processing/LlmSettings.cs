namespace Scalability.GrainInterfaces.Processing;

/// <summary>
/// How the llm processor talks to an OpenAI-compatible endpoint. The API key itself is never part of a job: only the
/// name of the environment variable each silo reads it from, so that it stays out of job state, logs and reports.
/// </summary>
/// <param name="Endpoint">The API's base address, e.g. <c>https://api.openai.com/v1/</c>.</param>
/// <param name="Model">The model asked for.</param>
/// <param name="ApiKeyVariable">The environment variable that holds the API key on every silo.</param>
/// <param name="Categories">The taxonomy the model chooses from; null for the built-in support taxonomy.</param>
/// <param name="SummaryMaxWords">Upper bound on each summary, in words.</param>
/// <param name="RequestTimeoutSeconds">Time allowed for one request before it is abandoned and retried.</param>
/// <param name="MaxAttempts">Requests per ticket before it is written as failed (retries of errors, 429s and
/// timeouts; the repair of an invalid reply is not counted against it).</param>
/// <param name="InputUsdPerMillion">Price of a million prompt tokens; null for the price table's (settled when the job
/// is submitted, so that every silo bills the job alike).</param>
/// <param name="OutputUsdPerMillion">Price of a million completion tokens; null for the price table's.</param>
/// <param name="MaxOutputTokens">Upper bound on a reply's length, in tokens.</param>
/// <param name="RetryBaseDelaySeconds">The first back-off before a retry; it doubles (with jitter) with each retry.
/// A 429 that says when to retry is retried then instead.</param>
[GenerateSerializer, Immutable, Alias("LlmSettings")]
public sealed record LlmSettings(
    [property: Id(0)] string Endpoint,
    [property: Id(1)] string Model,
    [property: Id(2)] string ApiKeyVariable = LlmSettings.DefaultApiKeyVariable,
    [property: Id(3)] string[]? Categories = null,
    [property: Id(4)] int SummaryMaxWords = LlmSettings.DefaultSummaryMaxWords,
    [property: Id(5)] double RequestTimeoutSeconds = LlmSettings.DefaultRequestTimeoutSeconds,
    [property: Id(6)] int MaxAttempts = LlmSettings.DefaultMaxAttempts,
    [property: Id(7)] decimal? InputUsdPerMillion = null,
    [property: Id(8)] decimal? OutputUsdPerMillion = null,
    [property: Id(9)] int MaxOutputTokens = LlmSettings.DefaultMaxOutputTokens,
    [property: Id(10)] double RetryBaseDelaySeconds = LlmSettings.DefaultRetryBaseDelaySeconds)
{
    public const string DefaultApiKeyVariable = "SCALE_LLM_API_KEY";
    public const int DefaultSummaryMaxWords = 40;
    public const double DefaultRequestTimeoutSeconds = 30;
    public const int DefaultMaxAttempts = 6;
    public const int DefaultMaxOutputTokens = 256;
    public const double DefaultRetryBaseDelaySeconds = 0.5;
}
