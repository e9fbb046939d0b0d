namespace Scalability.GrainInterfaces.Jobs;

/// <summary>
/// Row accounting. Every input record is exactly one of ok, failed (kept in the output with its reason) or rejected
/// (malformed, written to the rejects file).
/// </summary>
[GenerateSerializer, Immutable, Alias("RowCounts")]
public sealed record RowCounts(
    [property: Id(0)] long Ok,
    [property: Id(1)] long Failed,
    [property: Id(2)] long Rejected)
{
    public static RowCounts Zero { get; } = new(0, 0, 0);

    public long Total => Ok + Failed + Rejected;

    public RowCounts Add(RowCounts other) => new(Ok + other.Ok, Failed + other.Failed, Rejected + other.Rejected);
}
