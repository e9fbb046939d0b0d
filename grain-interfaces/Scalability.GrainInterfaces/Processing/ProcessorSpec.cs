namespace Scalability.GrainInterfaces.Processing;

/// <summary>
/// Which processor a job uses and how it is set up. <see cref="Kind"/> names a processor registered on the silos
/// ("local" is built in).
/// </summary>
/// <param name="Kind">The processor's registered name.</param>
/// <param name="SummaryMaxChars">Upper bound on the length of each summary, in characters.</param>
/// <param name="Categorizer">The local processor's categorizer: <see cref="KeywordsCategorizer"/> or <see cref="Off"/>.</param>
/// <param name="Summarizer">The local processor's summarizer: <see cref="ExtractiveSummarizer"/> or <see cref="Off"/>.</param>
[GenerateSerializer, Immutable, Alias("ProcessorSpec")]
public sealed record ProcessorSpec(
    [property: Id(0)] string Kind = ProcessorSpec.LocalKind,
    [property: Id(1)] int SummaryMaxChars = ProcessorSpec.DefaultSummaryMaxChars,
    [property: Id(2)] string Categorizer = ProcessorSpec.KeywordsCategorizer,
    [property: Id(3)] string Summarizer = ProcessorSpec.ExtractiveSummarizer)
{
    public const string LocalKind = "local";
    public const int DefaultSummaryMaxChars = 240;
    public const string KeywordsCategorizer = "keywords";
    public const string ExtractiveSummarizer = "extractive";

    /// <summary>A half of the local processor switched off, so that the other can be timed alone.</summary>
    public const string Off = "none";

    public static ProcessorSpec Local { get; } = new();
}
