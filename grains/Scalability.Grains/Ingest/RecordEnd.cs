namespace Scalability.Grains.Ingest;

/// <summary>Where a record ends: its last byte, where the next record starts, and the line breaks inside it.</summary>
/// <param name="ContentEnd">The offset just past the record's last byte, before its line break.</param>
/// <param name="NextStart">The offset just past the record's line break (the end of the input when it has none).</param>
/// <param name="InnerLineBreaks">Line breaks inside its quoted fields: the lines it covers, less one.</param>
/// <param name="Unterminated">Whether a quote opened in it is never closed, so that it runs to the end of the input.</param>
public readonly record struct RecordExtent(long ContentEnd, long NextStart, long InnerLineBreaks, bool Unterminated);

/// <summary>
/// Finds the end of one record by following its quotes byte by byte, holding nothing but its state: the way past a
/// record too large for CsvHelper to buffer. It reads quoting as CsvHelper's RFC 4180 mode recovers it: a quote opens
/// a quoted field only at the start of a field, a doubled quote inside one is a quote, and after a closing quote the
/// field goes on unquoted up to the next separator.
/// </summary>
public static class RecordEnd
{
    private const byte Quote = (byte)'"';
    private const byte Cr = (byte)'\r';
    private const byte Lf = (byte)'\n';

    /// <summary>
    /// Whether a record that runs to the end of the input ends inside a quoted field: the one sure sign of a quote that
    /// is never closed, which CsvHelper does not report when the record has another quoting problem before it.
    /// </summary>
    public static bool EndsInOpenQuote(ReadOnlySpan<byte> record, char separator)
    {
        var state = new QuoteState();
        foreach (var b in record)
        {
            state.Step(b, (byte)separator);
        }

        return state.Open;
    }

    /// <summary>Where a field is: at its start, inside quotes (just after a quote in them), or in unquoted text.</summary>
    private struct QuoteState
    {
        private bool _started;
        private bool _quoted;
        private bool _quoteSeen;

        public readonly bool Open => _quoted && !_quoteSeen;

        public void Step(byte b, byte separator)
        {
            if (_quoted)
            {
                if (!_quoteSeen)
                {
                    _quoteSeen = b == Quote;
                    return;
                }

                _quoteSeen = false;
                if (b == Quote)
                {
                    return;
                }

                _quoted = false;
            }

            if (b == separator || b == Cr || b == Lf)
            {
                _started = false;
            }
            else
            {
                _quoted = !_started && b == Quote;
                _started = true;
            }
        }
    }

    /// <param name="input">Read from the record's first byte, at most up to the end of the range being read.</param>
    /// <param name="start">The offset of the record's first byte, to which the offsets found are added.</param>
    /// <param name="separator">The input's field separator.</param>
    public static RecordExtent Find(Stream input, long start, char separator)
    {
        var buffer = new byte[64 * 1024];
        var sep = (byte)separator;
        var position = start;
        var fieldStart = true;
        var quoted = false;
        var quoteSeen = false; // a quote inside a quoted field: the closing one, unless a second follows
        var crSeen = false; // the last byte was a CR, so an LF now ends the same line break
        long lineBreaks = 0;
        long recordEnd = -1; // set at the record's line break; only a following LF may still belong to it
        int read;
        while ((read = input.Read(buffer)) > 0)
        {
            for (var i = 0; i < read; i++, position++)
            {
                var b = buffer[i];
                if (recordEnd >= 0)
                {
                    return new RecordExtent(recordEnd, b == Lf ? position + 1 : position, lineBreaks, false);
                }

                if (quoted)
                {
                    if (quoteSeen)
                    {
                        quoteSeen = false;
                        if (b == Quote)
                        {
                            continue;
                        }

                        quoted = false; // closed: this byte is read as unquoted text below
                    }
                    else
                    {
                        if (b == Quote)
                        {
                            quoteSeen = true;
                        }
                        else if (b == Cr || (b == Lf && !crSeen))
                        {
                            lineBreaks++;
                        }

                        crSeen = b == Cr;
                        continue;
                    }
                }

                if (b == sep)
                {
                    fieldStart = true;
                }
                else if (b == Cr)
                {
                    recordEnd = position;
                }
                else if (b == Lf)
                {
                    return new RecordExtent(position, position + 1, lineBreaks, false);
                }
                else
                {
                    quoted = fieldStart && b == Quote;
                    fieldStart = false;
                }
            }
        }

        return recordEnd >= 0
            ? new RecordExtent(recordEnd, position, lineBreaks, false)
            : new RecordExtent(position, position, lineBreaks, quoted && !quoteSeen);
    }
}
