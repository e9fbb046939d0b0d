using CsvHelper;

namespace Scalability.Grains.Ingest;

/// <summary>
/// The header and the first records of an input, read as a job reads them, that the column mapping is made from:
/// the first <see cref="MaxRecords"/> records or those that start in the first <see cref="MaxBytes"/> after the
/// header, whichever are fewer, without the records a chunk reader would reject. The same file gives the same sample
/// wherever it is read: before submission, on the silo that plans the job, in <c>scale analyze</c>, in the token
/// sampler and in <c>scale train</c>.
/// </summary>
/// <param name="Records">The well-formed records sampled, each with a value for every column.</param>
public sealed record ColumnSample(string[] Header, IReadOnlyList<string[]> Records)
{
    public const int MaxRecords = 500;

    /// <summary>Enough for a few hundred long tickets; memory stays within this and one record at the row limit.</summary>
    public const int MaxBytes = 1024 * 1024;

    /// <summary>Records read for the sample, rejected ones included: 0 when the file has a header and nothing else.</summary>
    public int RecordsRead { get; init; }

    /// <summary>A sample of the given records, for tests and callers that hold records already.</summary>
    public static ColumnSample Of(string[] header, params string[][] records) => new(header, records) { RecordsRead = records.Length };

    /// <summary>Reads the header, refused as the planning scan refuses it, and the sample.</summary>
    /// <param name="limits">The job's limits: a record over them is left out, as its chunk reader rejects it.</param>
    /// <exception cref="InputException">The file cannot be read, or its header cannot be used.</exception>
    public static ColumnSample Read(string path, InputLimits? limits = null)
    {
        limits ??= InputLimits.Default;
        // Reported by CsvHelper just before the record itself is returned, as for the chunk readers.
        var unterminated = false;
        var options = CsvInput.ForScan(record => unterminated |= record.Reason is CsvMalformedReason.UnterminatedQuote, limits);
        try
        {
            using var source = new RecordSource(path, 0, new FileInfo(path).Length, options);
            var header = source.Headers;
            if (header.Length == 0)
            {
                throw new InputException(path, "the file has no header row");
            }

            HeaderCheck.Ensure(path, header);
            var records = new List<string[]>();
            var read = 0;
            long firstByte = -1;
            while (read < MaxRecords && source.Read())
            {
                firstByte = firstByte < 0 ? source.ByteOffset : firstByte;
                if (source.ByteOffset - firstByte >= MaxBytes)
                {
                    break;
                }

                read++;
                if (source.Oversized is not null)
                {
                    unterminated = false;
                    continue;
                }

                var reader = source.Reader;
                var problem = RecordCheck.Problem(reader, header, limits, unterminated || source.EndsInOpenQuote);
                unterminated = false;
                if (problem is null)
                {
                    var values = new string[header.Length];
                    for (var i = 0; i < values.Length; i++)
                    {
                        values[i] = reader.GetString(i);
                    }

                    records.Add(values);
                }
            }

            return new ColumnSample(header, records) { RecordsRead = read };
        }
        catch (CsvFormatException e)
        {
            throw new InputException(path, e.Message, e.LineNumber);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new InputException(path, $"cannot be read: {e.Message}");
        }
    }
}
