namespace Scalability.Grains.Ingest;

/// <summary>
/// A record too large to read: CsvHelper stopped buffering it at the row limit, and <see cref="RecordEnd"/> found its
/// end without holding it.
/// </summary>
/// <param name="ByteOffset">Where it starts in the file.</param>
/// <param name="Line">The line where it starts.</param>
/// <param name="Extent">Where it ends (offsets in the file).</param>
public sealed record OversizedRecord(long ByteOffset, long Line, RecordExtent Extent)
{
    public long Bytes => Extent.ContentEnd - ByteOffset;
}
