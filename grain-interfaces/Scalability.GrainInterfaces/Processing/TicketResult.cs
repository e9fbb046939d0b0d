namespace Scalability.GrainInterfaces.Processing;

/// <summary>Whether a ticket was processed.</summary>
public enum TicketStatus
{
    Ok = 0,
    Failed = 1,
}

/// <summary>
/// What a processor made of one ticket. A failed ticket keeps its place in the output with its reason in
/// <see cref="Error"/>; it is never dropped.
/// </summary>
[GenerateSerializer, Immutable, Alias("TicketResult")]
public sealed record TicketResult(
    [property: Id(0)] string Category,
    [property: Id(1)] double Confidence,
    [property: Id(2)] string Summary,
    [property: Id(3)] TicketStatus Status,
    [property: Id(4)] string? Error,
    [property: Id(5)] int TokensIn = 0,
    [property: Id(6)] int TokensOut = 0,
    [property: Id(7)] decimal CostUsd = 0m)
{
    public static TicketResult Failure(string error) => new("", 0, "", TicketStatus.Failed, error);
}
