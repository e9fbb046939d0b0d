using CsvHelper;

namespace Scalability.Grains.Ingest;

/// <summary>
/// The planning scan: one streaming pass of CsvHelper over the input that counts records and notes the byte offset
/// and line of every <c>chunkSize</c>-th record. CsvHelper is quote-aware, so a boundary never falls inside a quoted
/// field, whatever line breaks it holds.
/// </summary>
public static class ManifestScanner
{
    /// <param name="chunkSize">Records per chunk, or <see cref="ChunkSizing.Auto"/> to choose from the row count.</param>
    public static DatasetManifest Scan(string path, int chunkSize, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(chunkSize);
        var auto = chunkSize == ChunkSizing.Auto;
        var scanSize = auto ? ChunkSizing.Granularity : chunkSize;
        var file = OpenChecked(path);
        var headBytes = ReadHead(path);
        CsvInput.RejectUnsupportedEncoding(path, headBytes);

        var chunks = new List<ChunkBounds>();
        long rows = 0;
        long chunkStart = 0, chunkFirstLine = 0, chunkFirstRecord = 0;
        int chunkRows = 0;
        string[] header;
        char separator;
        try
        {
            using var reader = CsvReader.FromFile(path, CsvInput.ForScan(), FileOptions.SequentialScan);
            header = reader.Headers.ToArray();
            separator = reader.Separator;
            while (reader.Read())
            {
                if (chunkRows == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    chunkStart = reader.ByteOffset;
                    chunkFirstLine = reader.LineNumber;
                    chunkFirstRecord = rows + 1;
                }

                rows++;
                if (++chunkRows == scanSize)
                {
                    // The end is known only once the next chunk starts; it is filled in after the scan.
                    chunks.Add(new ChunkBounds(chunks.Count, chunkStart, file.Length, chunkFirstRecord, chunkFirstLine, chunkRows));
                    chunkRows = 0;
                }
            }
        }
        catch (CsvFormatException e)
        {
            throw new InputException(path, e.Message, e.LineNumber);
        }

        if (chunkRows > 0)
        {
            chunks.Add(new ChunkBounds(chunks.Count, chunkStart, file.Length, chunkFirstRecord, chunkFirstLine, chunkRows));
        }

        if (header.Length == 0)
        {
            throw new InputException(path, "the file has no header row");
        }

        if (rows == 0)
        {
            throw new InputException(path, $"the file has a header ({header.Length} columns) but no data rows", 1);
        }

        // Each chunk ends where the next begins, so that bytes between records (blank lines) belong to some chunk.
        for (var i = 0; i < chunks.Count - 1; i++)
        {
            chunks[i] = chunks[i] with { EndByte = chunks[i + 1].StartByte };
        }

        if (auto)
        {
            chunkSize = ChunkSizing.For(rows);
            chunks = Merge(chunks, chunkSize / ChunkSizing.Granularity);
        }

        return new DatasetManifest(path, file.Length, file.LastWriteTimeUtc, separator, header, rows, chunkSize, chunks.ToArray());
    }

    /// <summary>Joins every <paramref name="factor"/> consecutive chunks into one.</summary>
    private static List<ChunkBounds> Merge(List<ChunkBounds> chunks, int factor)
    {
        if (factor <= 1)
        {
            return chunks;
        }

        var merged = new List<ChunkBounds>((chunks.Count + factor - 1) / factor);
        for (var first = 0; first < chunks.Count; first += factor)
        {
            var last = Math.Min(first + factor, chunks.Count) - 1;
            var rows = 0;
            for (var i = first; i <= last; i++)
            {
                rows += chunks[i].Rows;
            }

            merged.Add(chunks[first] with { Index = merged.Count, EndByte = chunks[last].EndByte, Rows = rows });
        }

        return merged;
    }

    /// <summary>The file's metadata, or a clear error when it is missing, a folder, or empty.</summary>
    public static FileInfo OpenChecked(string path)
    {
        if (Directory.Exists(path))
        {
            throw new InputException(path, "is a folder, not a CSV file");
        }

        var file = new FileInfo(path);
        if (!file.Exists)
        {
            throw new InputException(path, "file not found");
        }

        if (file.Length == 0)
        {
            throw new InputException(path, "the file is empty (0 bytes): expected a header row and data rows");
        }

        return file;
    }

    private static byte[] ReadHead(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            var head = new byte[4];
            var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            return head[..read];
        }
        catch (UnauthorizedAccessException e)
        {
            throw new InputException(path, $"cannot be read: {e.Message}");
        }
    }
}
