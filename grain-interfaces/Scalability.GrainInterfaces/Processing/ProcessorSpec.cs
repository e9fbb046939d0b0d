namespace Scalability.GrainInterfaces.Processing;

/// <summary>
/// Which processor a job uses and how it is set up. <see cref="Kind"/> names a processor registered on the silos:
/// <see cref="LocalKind"/> and <see cref="LlmKind"/> are built in, <see cref="PluginKind"/> loads
/// <see cref="PluginPath"/>, and a silo started with <c>--plugin</c> adds the kinds its assembly serves.
/// </summary>
/// <param name="Kind">The processor's registered name.</param>
/// <param name="SummaryMaxChars">Upper bound on the length of each summary, in characters.</param>
/// <param name="Categorizer">The local processor's categorizer: <see cref="KeywordsCategorizer"/>,
/// <see cref="ModelCategorizer"/> (with <see cref="ModelPath"/>) or <see cref="Off"/>.</param>
/// <param name="Summarizer">The local processor's summarizer: <see cref="ExtractiveSummarizer"/> or <see cref="Off"/>.</param>
/// <param name="ModelPath">The model file written by <c>scale train</c>, for <see cref="ModelCategorizer"/>.</param>
/// <param name="PluginPath">The assembly that holds the processor, for <see cref="PluginKind"/>.</param>
/// <param name="Llm">The endpoint and prompt settings, for <see cref="LlmKind"/>.</param>
[GenerateSerializer, Immutable, Alias("ProcessorSpec")]
public sealed record ProcessorSpec(
    [property: Id(0)] string Kind = ProcessorSpec.LocalKind,
    [property: Id(1)] int SummaryMaxChars = ProcessorSpec.DefaultSummaryMaxChars,
    [property: Id(2)] string Categorizer = ProcessorSpec.KeywordsCategorizer,
    [property: Id(3)] string Summarizer = ProcessorSpec.ExtractiveSummarizer,
    [property: Id(4)] string? ModelPath = null,
    [property: Id(5)] string? PluginPath = null,
    [property: Id(6)] LlmSettings? Llm = null)
{
    public const string LocalKind = "local";
    public const string LlmKind = "llm";
    public const string PluginKind = "plugin";
    public const int DefaultSummaryMaxChars = 240;
    public const string KeywordsCategorizer = "keywords";
    public const string ModelCategorizer = "model";
    public const string ExtractiveSummarizer = "extractive";

    /// <summary>A half of the local processor switched off, so that the other can be timed alone.</summary>
    public const string Off = "none";

    public static ProcessorSpec Local { get; } = new();
}
