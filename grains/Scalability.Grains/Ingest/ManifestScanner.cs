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
    public static DatasetManifest Scan(string path, int chunkSize, CancellationToken cancellationToken = default) =>
        Scan(path, chunkSize, conversationColumn: null, orderColumn: null, cancellationToken: cancellationToken);

    /// <summary>
    /// The planning scan of an input that may hold one row per message. With a <paramref name="conversationColumn"/>,
    /// a chunk ends only where a conversation ends (see <see cref="ConversationTracker"/>): it holds at least
    /// <paramref name="chunkSize"/> records and the rest of the conversation running at that point, so that no
    /// conversation is split between chunks; an input whose conversations are not each together is refused.
    /// </summary>
    /// <param name="conversationColumn">The column that groups rows into conversations, or null for one ticket per
    /// row.</param>
    /// <param name="orderColumn">The column that orders a conversation's messages, checked here and named in the hint
    /// of how to sort an input that is not grouped; null for none.</param>
    /// <param name="limits">The largest field and row; null for the defaults. A record over the row limit is counted
    /// (the chunk reader rejects it) without being held in memory.</param>
    /// <param name="targetMaxChunks">With <see cref="ChunkSizing.Auto"/>, about how many chunks at most
    /// (<see cref="ChunkSizing.TargetChunksFor"/>).</param>
    public static DatasetManifest Scan(
        string path, int chunkSize, string? conversationColumn, string? orderColumn, InputLimits? limits = null,
        CancellationToken cancellationToken = default, int targetMaxChunks = ChunkSizing.TargetMaxChunks)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(chunkSize);
        limits ??= InputLimits.Default;
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
        ConversationTracker? conversations = null;
        // Reported by CsvHelper just before the record itself is returned, as for the chunk readers.
        var unterminated = false;
        var options = conversationColumn is null
            ? CsvInput.ForScan(limits: limits)
            : CsvInput.ForScan(record => unterminated |= record.Reason is CsvMalformedReason.UnterminatedQuote, limits);
        try
        {
            using var records = new RecordSource(path, 0, file.Length, options);
            header = records.Headers;
            separator = records.Separator;
            HeaderCheck.Ensure(path, header);
            if (conversationColumn is not null && header.Length > 0)
            {
                var keyIndex = ColumnMapper.Find(path, header, conversationColumn, "--conversation-column");
                var order = orderColumn is null ? null : header[ColumnMapper.Find(path, header, orderColumn, "--order-column")];
                conversations = new ConversationTracker(path, header, keyIndex, order, limits);
            }

            while (records.Read())
            {
                // A chunk of enough records ends before the next record, or with conversations, before the next
                // record that starts a conversation. A record too large to read is no message.
                var boundary = true;
                if (conversations is not null)
                {
                    boundary = records.Oversized is null &&
                               conversations.IsMessage(records.Reader, unterminated || records.EndsInOpenQuote) &&
                               conversations.StartsConversation(records.Reader.GetSpan(conversations.KeyIndex), records.LineNumber, records.ByteOffset);
                    unterminated = false;
                }

                if (chunkRows >= scanSize && boundary)
                {
                    // The end is known only once the next chunk starts; it is filled in after the scan.
                    chunks.Add(new ChunkBounds(chunks.Count, chunkStart, file.Length, chunkFirstRecord, chunkFirstLine, chunkRows));
                    chunkRows = 0;
                }

                if (chunkRows == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    chunkStart = records.ByteOffset;
                    chunkFirstLine = records.LineNumber;
                    chunkFirstRecord = rows + 1;
                }

                rows++;
                chunkRows++;
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
            chunkSize = ChunkSizing.For(rows, targetMaxChunks);
            chunks = Merge(chunks, chunkSize);
        }

        return new DatasetManifest(path, file.Length, file.LastWriteTimeUtc, separator, header, rows, chunkSize, chunks.ToArray(),
            conversations?.Conversations ?? 0, limits == InputLimits.Default ? null : limits);
    }

    /// <summary>
    /// Joins consecutive pieces into chunks of at least <paramref name="chunkSize"/> records (the last one may hold
    /// fewer). Pieces of exactly <see cref="ChunkSizing.Granularity"/> records make chunks of exactly
    /// <paramref name="chunkSize"/>; pieces that end with a conversation are a little larger, and so are their chunks.
    /// </summary>
    private static List<ChunkBounds> Merge(List<ChunkBounds> pieces, int chunkSize)
    {
        var merged = new List<ChunkBounds>();
        ChunkBounds? open = null;
        foreach (var piece in pieces)
        {
            open = open is null
                ? piece with { Index = merged.Count }
                : open with { EndByte = piece.EndByte, Rows = open.Rows + piece.Rows };
            if (open.Rows >= chunkSize)
            {
                merged.Add(open);
                open = null;
            }
        }

        if (open is not null)
        {
            merged.Add(open);
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
