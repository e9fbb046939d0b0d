namespace Scalability.GrainInterfaces.Datasets;

/// <summary>
/// Which input columns a job reads and writes: the id column (or none, when record numbers stand in for ids), the
/// text columns the processor reads, and the input columns copied to the output.
/// </summary>
[GenerateSerializer, Immutable, Alias("ColumnMapping")]
public sealed record ColumnMapping(
    [property: Id(0)] int IdIndex,
    [property: Id(1)] string? IdColumn,
    [property: Id(2)] int[] TextIndexes,
    [property: Id(3)] string[] TextColumns,
    [property: Id(4)] int[] KeepIndexes,
    [property: Id(5)] string[] OutputHeader,
    [property: Id(6)] bool IdDetected,
    [property: Id(7)] bool TextDetected)
{
    public const int NoColumn = -1;

    public bool HasIdColumn => IdIndex != NoColumn;
}
