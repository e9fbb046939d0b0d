namespace Scalability.GrainInterfaces.Processing;

/// <summary>
/// Which processor a job uses and how it is set up. <see cref="Kind"/> names a processor registered on the silos
/// ("local" is built in).
/// </summary>
/// <param name="Kind">The processor's registered name.</param>
/// <param name="SummaryMaxChars">Upper bound on the length of each summary, in characters.</param>
[GenerateSerializer, Immutable, Alias("ProcessorSpec")]
public sealed record ProcessorSpec(
    [property: Id(0)] string Kind = ProcessorSpec.LocalKind,
    [property: Id(1)] int SummaryMaxChars = ProcessorSpec.DefaultSummaryMaxChars)
{
    public const string LocalKind = "local";
    public const int DefaultSummaryMaxChars = 240;

    public static ProcessorSpec Local { get; } = new();
}
