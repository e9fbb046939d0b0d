using CsvHelper;

namespace Scalability.Grains.Ingest;

/// <summary>
/// The one place that says how input CSV is read, so that the planning scan and every chunk reader see the same
/// records: a record boundary found by the scan is a record boundary for the chunk that starts there.
/// </summary>
public static class CsvInput
{
    /// <param name="onMalformed">Set only by scans that must tell malformed records apart as the chunk readers do:
    /// it turns on CsvHelper's malformed-quote detection, which costs a little on heavily quoted data.</param>
    /// <param name="limits">The row limit is CsvHelper's <see cref="CsvReaderOptions.MaxRecordSize"/>: a record larger
    /// is not buffered (an unclosed quote near the start of a large file would otherwise make one record of the whole
    /// file) but passed over by <see cref="RecordSource"/>.</param>
    public static CsvReaderOptions ForScan(Action<CsvMalformedRecord>? onMalformed = null, InputLimits? limits = null) => new()
    {
        HasHeader = true,
        TrackLineNumbers = true,
        MaxRecordSize = (limits ?? InputLimits.Default).MaxRowBytes,
        OnMalformedRecord = onMalformed,
    };

    public static CsvReaderOptions ForChunk(char separator, InputLimits limits, Action<CsvMalformedRecord> onMalformed) => new()
    {
        HasHeader = false,
        Separator = separator,
        TrackLineNumbers = true,
        MaxRecordSize = limits.MaxRowBytes,
        OnMalformedRecord = onMalformed,
    };

    /// <summary>Fails clearly on inputs whose bytes the chunk offsets could not address.</summary>
    /// <remarks>
    /// CsvHelper would transcode UTF-16 and UTF-32, but then its offsets count the bytes of the UTF-8 form, which the
    /// chunks of the file could not be read by. Refusing costs the user one conversion; transcoding a copy would cost
    /// every job a second file the size of the input.
    /// </remarks>
    public static void RejectUnsupportedEncoding(string path, ReadOnlySpan<byte> head)
    {
        var encoding = head switch
        {
            [0xFF, 0xFE, 0x00, 0x00, ..] => "UTF-32 LE",
            [0x00, 0x00, 0xFE, 0xFF, ..] => "UTF-32 BE",
            [0xFF, 0xFE, ..] => "UTF-16 LE",
            [0xFE, 0xFF, ..] => "UTF-16 BE",
            _ => null,
        };
        if (encoding is not null)
        {
            throw new InputException(path,
                $"the file is {encoding} (it starts with a {encoding} byte order mark); only UTF-8 is read: save it as UTF-8 " +
                $"(for example: iconv -f {encoding.Replace(" ", "")} -t UTF-8 input.csv > input-utf8.csv) and run again");
        }
    }
}
