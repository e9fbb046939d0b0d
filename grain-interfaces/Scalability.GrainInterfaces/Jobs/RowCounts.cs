namespace Scalability.GrainInterfaces.Jobs;

/// <summary>
/// Row accounting. <see cref="Ok"/> and <see cref="Failed"/> count output rows (kept in the output, a failed one with
/// its reason); <see cref="Rejected"/> counts malformed input records (written to the rejects file). Every input
/// record is in exactly one output row or rejected: one record per output row, except in conversation mode, where an
/// output row stands for a conversation and <see cref="Messages"/> counts the records grouped into those rows.
/// </summary>
/// <param name="Messages">In conversation mode, the input records (messages) that the ok and failed rows were made
/// of; 0 otherwise, where each of those rows is one record.</param>
[GenerateSerializer, Immutable, Alias("RowCounts")]
public sealed record RowCounts(
    [property: Id(0)] long Ok,
    [property: Id(1)] long Failed,
    [property: Id(2)] long Rejected,
    [property: Id(3)] long Messages = 0)
{
    public static RowCounts Zero { get; } = new(0, 0, 0);

    /// <summary>
    /// The input records accounted for: <c>ok + failed + rejected</c>, or <c>messages + rejected</c> in conversation
    /// mode (where there are no messages, there are no ok or failed rows either).
    /// </summary>
    public long Total => (Messages > 0 ? Messages : Ok + Failed) + Rejected;

    public RowCounts Add(RowCounts other) =>
        new(Ok + other.Ok, Failed + other.Failed, Rejected + other.Rejected, Messages + other.Messages);
}
