namespace Scalability.GrainInterfaces.Processing;

/// <summary>
/// What processing consumed: tokens and money paid for, requests made and how many of them were rate limited.
/// Summed from <see cref="TicketResult"/>s per chunk, and over committed chunks per job, so that a chunk processed
/// twice (a retry, a resume) is counted once.
/// </summary>
[GenerateSerializer, Immutable, Alias("ProcessingUsage")]
public sealed record ProcessingUsage(
    [property: Id(0)] long TokensIn,
    [property: Id(1)] long TokensOut,
    [property: Id(2)] decimal CostUsd,
    [property: Id(3)] long Requests,
    [property: Id(4)] long RateLimited)
{
    public static ProcessingUsage Zero { get; } = new(0, 0, 0m, 0, 0);

    public ProcessingUsage Add(ProcessingUsage other) => new(
        TokensIn + other.TokensIn, TokensOut + other.TokensOut, CostUsd + other.CostUsd,
        Requests + other.Requests, RateLimited + other.RateLimited);

    public ProcessingUsage Add(TicketResult result) => new(
        TokensIn + result.TokensIn, TokensOut + result.TokensOut, CostUsd + result.CostUsd,
        Requests + result.Attempts, RateLimited + result.RateLimited);
}
