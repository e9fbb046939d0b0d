namespace Scalability.GrainInterfaces.Costing;

/// <summary>
/// What each ticket goes through, as cost planning sees it: the processor and, for the llm processor, the model, its
/// prices and the endpoint's rate limits.
/// </summary>
/// <param name="Processor">local, llm, or another kind (a plug-in), which is planned from the reference profiles.</param>
/// <param name="Model">The llm processor's model; its tokenizer and, unless the prices are given, its price.</param>
/// <param name="InputUsdPerMillion">USD per million prompt tokens; null for the price table's.</param>
/// <param name="OutputUsdPerMillion">USD per million completion tokens; null for the price table's.</param>
/// <param name="RequestsPerMinute">The endpoint's request rate limit, if it has one: throughput stops growing there.</param>
/// <param name="TokensPerMinute">The endpoint's token rate limit, if it has one.</param>
[GenerateSerializer, Immutable, Alias("Workload")]
public sealed record Workload(
    [property: Id(0)] string Processor,
    [property: Id(1)] string? Model = null,
    [property: Id(2)] decimal? InputUsdPerMillion = null,
    [property: Id(3)] decimal? OutputUsdPerMillion = null,
    [property: Id(4)] double? RequestsPerMinute = null,
    [property: Id(5)] double? TokensPerMinute = null)
{
    public const string Local = "local";
    public const string Llm = "llm";

    public bool IsLocal => string.Equals(Processor, Local, StringComparison.OrdinalIgnoreCase);

    public bool IsLlm => string.Equals(Processor, Llm, StringComparison.OrdinalIgnoreCase);
}
