namespace Scalability.Grains.Ingest;

/// <summary>
/// The cheap checks made before a job is submitted, so that a missing, empty or header-only file, or a column that
/// is not there, is reported at once as bad input rather than as a failed job. Reads the header and the column sample
/// (<see cref="ColumnSample"/>), and maps the columns as the silo that plans the job will.
/// </summary>
public static class InputPreflight
{
    /// <remarks>Whether a conversation input holds each conversation together is found by the planning scan, which
    /// reads the whole file.</remarks>
    public static ColumnMapping Check(
        string path, string? idColumn, IReadOnlyList<string>? textColumns, IReadOnlyList<string>? keepColumns,
        string? conversationColumn = null, string? orderColumn = null, InputLimits? limits = null)
    {
        ManifestScanner.OpenChecked(path);
        try
        {
            using var stream = File.OpenRead(path);
            var head = new byte[4];
            CsvInput.RejectUnsupportedEncoding(path, head.AsSpan(0, stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false)));
        }
        catch (UnauthorizedAccessException e)
        {
            throw new InputException(path, $"cannot be read: {e.Message}");
        }

        var sample = ColumnSample.Read(path, limits);
        if (sample.RecordsRead == 0)
        {
            throw new InputException(path, $"the file has a header ({sample.Header.Length} columns) but no data rows", 1);
        }

        return ColumnMapper.Map(path, sample, idColumn, textColumns, keepColumns, conversationColumn, orderColumn);
    }
}
