using CsvHelper;

namespace Scalability.Grains.Ingest;

/// <summary>
/// CsvHelper over a byte range of the input, with the row limit as its <see cref="CsvReaderOptions.MaxRecordSize"/>,
/// that carries on past a record too large to buffer: CsvHelper throws at such a record, so it is reported as an
/// <see cref="OversizedRecord"/>, its end is found by <see cref="RecordEnd"/>, and a new CsvHelper reader starts
/// after it. Memory stays within about twice the row limit whatever the input holds. The planning scan and the chunk
/// readers both read through here, so they see the same records.
/// </summary>
public sealed class RecordSource : IDisposable
{
    private readonly string _path;
    private readonly long _end;
    private readonly CsvReaderOptions _options;
    private ByteRangeStream _stream;
    private CsvReader _reader;
    private long _readerStart;
    private long _lineOffset;

    /// <param name="path">The input.</param>
    /// <param name="start">The first byte to read: 0, or a record boundary found by the planning scan.</param>
    /// <param name="end">The byte after the last one to read.</param>
    /// <param name="options">How to read (see <see cref="CsvInput"/>); its <see cref="CsvReaderOptions.MaxRecordSize"/>
    /// is the row limit.</param>
    public RecordSource(string path, long start, long end, CsvReaderOptions options)
    {
        _path = path;
        _end = end;
        _options = options;
        (_stream, _reader) = Open(start, options);
        _readerStart = start;
    }

    /// <summary>The header (with <see cref="CsvReaderOptions.HasHeader"/>); refused when it is over the row limit.</summary>
    public string[] Headers
    {
        get
        {
            try
            {
                return _reader.Headers.ToArray();
            }
            catch (CsvFormatException e)
            {
                throw new InputException(_path,
                    $"the header row is longer than the row limit of {ByteSizes.Describe(_options.MaxRecordSize ?? 0)} (--max-row-bytes)", e.LineNumber);
            }
        }
    }

    public char Separator => _reader.Separator;

    /// <summary>The current record as CsvHelper reads it, when it is not <see cref="Oversized"/>.</summary>
    public CsvReader Reader => Oversized is null ? _reader : throw new InvalidOperationException("the current record is too large to read");

    /// <summary>The current record when it is too large to read; null otherwise.</summary>
    public OversizedRecord? Oversized { get; private set; }

    /// <summary>
    /// Whether the current record, read by CsvHelper, has a quote that is never closed. Such a record runs to the end
    /// of the input, so only a record that reaches the end of the range is looked at.
    /// </summary>
    public bool EndsInOpenQuote =>
        Oversized is null && _readerStart + _reader.ByteOffset + _reader.RawRecord.Length >= _end &&
        RecordEnd.EndsInOpenQuote(_reader.RawRecord, _reader.Separator);

    /// <summary>Where the current record starts in the file.</summary>
    public long ByteOffset => Oversized?.ByteOffset ?? _readerStart + _reader.ByteOffset;

    /// <summary>The line, counted from the start of the range (its first line is 1), where the current record starts.</summary>
    public long LineNumber => Oversized?.Line ?? _lineOffset + _reader.LineNumber;

    public bool Read()
    {
        if (Oversized is { } passed)
        {
            // Carry on after the record that was too large, with a reader that starts there.
            Oversized = null;
            var separator = _reader.Separator;
            _reader.Dispose();
            _stream.Dispose();
            _lineOffset = passed.Line + passed.Extent.InnerLineBreaks;
            _readerStart = passed.Extent.NextStart;
            (_stream, _reader) = Open(_readerStart, _options with { HasHeader = false, Separator = separator });
        }

        try
        {
            return _reader.Read();
        }
        catch (CsvFormatException e) when (e.RecordNumber > 0)
        {
            // With the options of CsvInput (recover from bad quoting, allow any field count), the only record CsvHelper
            // throws at is one over MaxRecordSize; it says where that record starts.
            var start = _readerStart + e.ByteOffset;
            using var rest = new ByteRangeStream(_path, start, _end - start);
            Oversized = new OversizedRecord(start, _lineOffset + e.LineNumber, RecordEnd.Find(rest, start, _reader.Separator));
            return true;
        }
    }

    private (ByteRangeStream, CsvReader) Open(long start, CsvReaderOptions options)
    {
        var stream = new ByteRangeStream(_path, start, _end - start);
        return (stream, CsvReader.Create(stream, options, leaveOpen: true));
    }

    public void Dispose()
    {
        _reader.Dispose();
        _stream.Dispose();
    }
}
