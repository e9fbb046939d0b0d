using CsvHelper;

namespace Scalability.Grains.Ingest;

/// <summary>
/// The cheap checks made before a job is submitted, so that a missing, empty or header-only file, or a column that
/// is not there, is reported at once as bad input rather than as a failed job. Reads the header and one record.
/// </summary>
public static class InputPreflight
{
    /// <remarks>Whether a conversation input holds each conversation together is found by the planning scan, which
    /// reads the whole file.</remarks>
    public static ColumnMapping Check(
        string path, string? idColumn, IReadOnlyList<string>? textColumns, IReadOnlyList<string>? keepColumns,
        string? conversationColumn = null, string? orderColumn = null, InputLimits? limits = null)
    {
        var file = ManifestScanner.OpenChecked(path);
        string[] header;
        try
        {
            using (var stream = File.OpenRead(path))
            {
                var head = new byte[4];
                CsvInput.RejectUnsupportedEncoding(path, head.AsSpan(0, stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false)));
            }

            using var records = new RecordSource(path, 0, file.Length, CsvInput.ForScan(limits: limits));
            header = records.Headers;
            if (header.Length == 0)
            {
                throw new InputException(path, "the file has no header row");
            }

            HeaderCheck.Ensure(path, header);
            if (!records.Read())
            {
                throw new InputException(path, $"the file has a header ({header.Length} columns) but no data rows", 1);
            }
        }
        catch (CsvFormatException e)
        {
            throw new InputException(path, e.Message, e.LineNumber);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new InputException(path, $"cannot be read: {e.Message}");
        }

        return ColumnMapper.Map(path, header, idColumn, textColumns, keepColumns, conversationColumn, orderColumn);
    }
}
