namespace Scalability.GrainInterfaces.Datasets;

/// <summary>
/// Which input columns a job reads and writes: the id column (or none, when record numbers stand in for ids), the
/// text columns the processor reads, and the input columns copied to the output.
/// </summary>
/// <param name="ConversationIndex">In conversation mode, the column whose value groups rows into conversations (it is
/// also the id column); <see cref="NoColumn"/> otherwise.</param>
/// <param name="OrderIndex">The column that orders a conversation's messages, or <see cref="NoColumn"/>.</param>
/// <param name="IdChoice">How the id column was chosen; null when there is none, or in a mapping saved before reasons
/// were kept.</param>
/// <param name="TextChoices">How each text column was chosen, in the order of <paramref name="TextColumns"/>; null in a
/// mapping saved before reasons were kept.</param>
/// <param name="NotRead">Other columns of free text, found but not read (a user names them with
/// <c>--text-columns</c> to read them); null or empty when there are none.</param>
[GenerateSerializer, Immutable, Alias("ColumnMapping")]
public sealed record ColumnMapping(
    [property: Id(0)] int IdIndex,
    [property: Id(1)] string? IdColumn,
    [property: Id(2)] int[] TextIndexes,
    [property: Id(3)] string[] TextColumns,
    [property: Id(4)] int[] KeepIndexes,
    [property: Id(5)] string[] OutputHeader,
    [property: Id(6)] bool IdDetected,
    [property: Id(7)] bool TextDetected,
    [property: Id(8)] int ConversationIndex = ColumnMapping.NoColumn,
    [property: Id(9)] int OrderIndex = ColumnMapping.NoColumn,
    [property: Id(10)] string? OrderColumn = null,
    [property: Id(11)] ColumnChoice? IdChoice = null,
    [property: Id(12)] ColumnChoice[]? TextChoices = null,
    [property: Id(13)] ColumnChoice[]? NotRead = null)
{
    public const int NoColumn = -1;

    public bool HasIdColumn => IdIndex != NoColumn;

    /// <summary>One ticket, and one output row, per conversation rather than per record.</summary>
    public bool IsConversation => ConversationIndex != NoColumn;
}
