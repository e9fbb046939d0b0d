using System.Globalization;
using System.Text;
using CsvHelper;

namespace Scalability.Grains.Ingest;

/// <summary>A well-formed record of a chunk, with the values of every input column.</summary>
public sealed record SourceRecord(long RecordNumber, long Line, string[] Values);

/// <summary>
/// A malformed record, kept so that nothing is lost: where it is, why, and its text (cut short when it is over a size
/// limit; see <see cref="ChunkReader.MaxRawBytes"/>).
/// </summary>
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
        var limits = input.EffectiveLimits;
        var options = CsvInput.ForChunk(input.Separator, limits, record =>
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
        using var records = new RecordSource(input.Path, chunk.StartByte, chunk.EndByte, options);
        while (records.Read())
        {
            if ((count & 255) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var recordNumber = chunk.FirstRecordNumber + count;
            var line = chunk.FirstLine + records.LineNumber - 1;
            count++;
            if (records.Oversized is { } oversized)
            {
                unterminated = false;
                yield return new RejectedRecord(recordNumber, line, RecordCheck.Oversized(oversized, limits.MaxRowBytes),
                    RawStart(oversized.ByteOffset, oversized.Bytes));
                continue;
            }

            var reader = records.Reader;
            var problem = RecordCheck.Problem(reader, input.Header, limits, unterminated || records.EndsInOpenQuote);
            unterminated = false;
            if (problem is not null)
            {
                yield return new RejectedRecord(recordNumber, line, problem, RawText(reader, RecordCheck.IsAboutSize(problem)));
                continue;
            }

            var values = new string[columns];
            for (var i = 0; i < columns; i++)
            {
                values[i] = reader.GetString(i);
            }

            yield return reject?.Invoke(values) is { } reason
                ? new RejectedRecord(recordNumber, line, reason, RawText(reader, cut: false))
                : new SourceRecord(recordNumber, line, values);
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

    /// <summary>
    /// The most of a rejected record kept in the rejects file: a record over a size limit is cut here, since copying
    /// megabytes would not help anyone find it; its line says where the rest is.
    /// </summary>
    public const int MaxRawBytes = 4096;

    /// <summary>The record as it is in the file, cut after <see cref="MaxRawBytes"/> when <paramref name="cut"/> says so.</summary>
    private static string RawText(CsvReader reader, bool cut)
    {
        var raw = reader.RawRecord;
        return cut && raw.Length > MaxRawBytes ? Cut(raw[..MaxRawBytes], raw.Length) : Encoding.UTF8.GetString(raw);
    }

    private string RawStart(long offset, long length)
    {
        var head = new byte[(int)Math.Min(length, MaxRawBytes)];
        using var file = new FileStream(input.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.None);
        file.Position = offset;
        file.ReadExactly(head);
        return Cut(head, length);
    }

    private static string Cut(ReadOnlySpan<byte> head, long length) =>
        Encoding.UTF8.GetString(head) + string.Create(CultureInfo.InvariantCulture, $"… [cut: the first {head.Length:N0} of {length:N0} bytes]");
}
