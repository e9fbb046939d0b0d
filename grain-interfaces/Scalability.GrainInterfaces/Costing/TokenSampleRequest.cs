namespace Scalability.GrainInterfaces.Costing;

/// <summary>
/// How to estimate the llm processor's tokens per ticket from an input file: the columns to read, the prompt's settings
/// and how many tickets to sample.
/// </summary>
[GenerateSerializer, Immutable, Alias("TokenSampleRequest")]
public sealed record TokenSampleRequest(
    [property: Id(0)] string Path,
    [property: Id(1)] string Model,
    [property: Id(2)] string[]? Categories = null,
    [property: Id(3)] int SummaryMaxWords = 40,
    [property: Id(4)] int MaxOutputTokens = 256,
    [property: Id(5)] string? IdColumn = null,
    [property: Id(6)] string[]? TextColumns = null,
    [property: Id(7)] int SampleSize = TokenSampleRequest.DefaultSampleSize)
{
    public const int DefaultSampleSize = 400;
}
