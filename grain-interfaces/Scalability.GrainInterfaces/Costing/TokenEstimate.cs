namespace Scalability.GrainInterfaces.Costing;

/// <summary>
/// Tokens per ticket for the llm processor, counted with the model's tokenizer on a sample of the input: the mean, and a
/// range (the low and high ends) that covers the sampling error and how long a reply may be.
/// </summary>
/// <param name="Encoding">The tokenizer's encoding, e.g. o200k_base.</param>
/// <param name="SampleSize">Tickets counted (blank tickets, which are never sent, are left out of the means).</param>
/// <param name="BlankShare">The share of sampled tickets that are blank and cost nothing.</param>
/// <param name="SampledFrom">Where the sample came from: the input, or synthetic tickets standing for it.</param>
[GenerateSerializer, Immutable, Alias("TokenEstimate")]
public sealed record TokenEstimate(
    [property: Id(0)] string Encoding,
    [property: Id(1)] int SampleSize,
    [property: Id(2)] double InputTokensMean,
    [property: Id(3)] double InputTokensLow,
    [property: Id(4)] double InputTokensHigh,
    [property: Id(5)] double OutputTokensMean,
    [property: Id(6)] double OutputTokensLow,
    [property: Id(7)] double OutputTokensHigh,
    [property: Id(8)] double BlankShare = 0,
    [property: Id(9)] string SampledFrom = TokenEstimate.FromInput)
{
    public const string FromInput = "the input";
    public const string FromSynthetic = "synthetic tickets";
}
