using System.Text;
using CsvHelper;

namespace Scalability.Grains.Ingest;

/// <summary>A well-formed record of a chunk, with the values of every input column.</summary>
public sealed record SourceRecord(long RecordNumber, long Line, string[] Values);

/// <summary>A malformed record, kept whole so that nothing is lost: where it is, why, and its text.</summary>
public sealed record RejectedRecord(long RecordNumber, long Line, string Reason, string Raw);

/// <summary>
/// Reads the records of one chunk's byte range with CsvHelper and sorts them into well-formed records and
/// rejects. Record numbers and lines are those of the whole input.
/// </summary>
/// <param name="reject">A further check of well-formed records: the reason to reject one (its values given), or null
/// to keep it.</param>
public sealed class ChunkReader(DatasetManifest input, ChunkBounds chunk, Func<string[], string?>? reject = null)
{
    /// <summary>
    /// The chunk's records in input order: each is a <see cref="SourceRecord"/> or a <see cref="RejectedRecord"/>.
    /// Throws <see cref="InputException"/> when the file changed since it was planned or cannot be parsed.
    /// </summary>
    public IEnumerable<object> Records(CancellationToken cancellationToken)
    {
        EnsureInputUnchanged();
        using var enumerator = Parse(cancellationToken).GetEnumerator();
        var count = 0;
        while (true)
        {
            try
            {
                if (!enumerator.MoveNext())
                {
                    break;
                }
            }
            catch (CsvFormatException e)
            {
                throw new InputException(input.Path, e.Message, e.LineNumber > 0 ? chunk.FirstLine + e.LineNumber - 1 : 0);
            }

            count++;
            yield return enumerator.Current;
        }

        if (count != chunk.Rows)
        {
            throw new InputException(input.Path,
                $"chunk {chunk.Index} holds {count} records where the plan found {chunk.Rows}; the file changed since it was planned");
        }
    }

    private IEnumerable<object> Parse(CancellationToken cancellationToken)
    {
        var unterminated = false;
        var options = CsvInput.ForChunk(input.Separator, record =>
        {
            // Reported just before the record itself is returned. Stray quotes are recovered as text and kept; only
            // an unclosed quote loses the record's shape.
            if (record.Reason is CsvMalformedReason.UnterminatedQuote)
            {
                unterminated = true;
            }
        });

        var columns = input.Header.Length;
        var count = 0;
        using var stream = new ByteRangeStream(input.Path, chunk.StartByte, chunk.EndByte - chunk.StartByte);
        using var reader = CsvReader.Create(stream, options, leaveOpen: false);
        while (reader.Read())
        {
            if ((count & 255) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var recordNumber = chunk.FirstRecordNumber + count;
            var line = chunk.FirstLine + reader.LineNumber - 1;
            count++;
            if (unterminated)
            {
                unterminated = false;
                yield return new RejectedRecord(recordNumber, line,
                    "unterminated quoted field: a quote opened in this record is never closed, so it runs to the end of the file",
                    RawText(reader));
            }
            else if (reader.FieldCount != columns)
            {
                yield return new RejectedRecord(recordNumber, line,
                    $"wrong field count: expected {columns} fields (as in the header), found {reader.FieldCount}",
                    RawText(reader));
            }
            else
            {
                var values = new string[columns];
                for (var i = 0; i < columns; i++)
                {
                    values[i] = reader.GetString(i);
                }

                yield return reject?.Invoke(values) is { } reason
                    ? new RejectedRecord(recordNumber, line, reason, RawText(reader))
                    : new SourceRecord(recordNumber, line, values);
            }
        }
    }

    private void EnsureInputUnchanged()
    {
        var file = new FileInfo(input.Path);
        if (!file.Exists)
        {
            throw new InputException(input.Path, "file not found (it was there when the job was planned)");
        }

        if (file.Length != input.ByteSize || file.LastWriteTimeUtc != input.LastWriteTimeUtc)
        {
            throw new InputException(input.Path, "the file changed since the job was planned; start a new job for the new file");
        }
    }

    private static string RawText(CsvReader reader) => Encoding.UTF8.GetString(reader.RawRecord);
}
