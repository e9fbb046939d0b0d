using CsvHelper;

namespace Scalability.Grains.Ingest;

/// <summary>
/// The one place that says how input CSV is read, so that the planning scan and every chunk reader see the same
/// records: a record boundary found by the scan is a record boundary for the chunk that starts there.
/// </summary>
public static class CsvInput
{
    /// <summary>
    /// A record larger than this is refused rather than buffered: an unclosed quote near the start of a large file
    /// would otherwise make one record of the whole file.
    /// </summary>
    public const int MaxRecordBytes = 64 * 1024 * 1024;

    /// <param name="onMalformed">Told of each malformed record just before it is returned, for readers that skip them.</param>
    public static CsvReaderOptions ForScan(Action<CsvMalformedRecord>? onMalformed = null) => new()
    {
        HasHeader = true,
        TrackLineNumbers = true,
        MaxRecordSize = MaxRecordBytes,
        OnMalformedRecord = onMalformed,
    };

    public static CsvReaderOptions ForChunk(char separator, Action<CsvMalformedRecord> onMalformed) => new()
    {
        HasHeader = false,
        Separator = separator,
        TrackLineNumbers = true,
        MaxRecordSize = MaxRecordBytes,
        OnMalformedRecord = onMalformed,
    };

    /// <summary>Fails clearly on inputs whose bytes the chunk offsets could not address.</summary>
    public static void RejectUnsupportedEncoding(string path, ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            throw new InputException(path, "the file is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8 and run again");
        }
    }
}
