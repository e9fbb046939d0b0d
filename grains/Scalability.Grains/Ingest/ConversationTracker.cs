using System.IO.Hashing;
using System.Text;
using CsvHelper;

namespace Scalability.Grains.Ingest;

/// <summary>
/// The planning scan's view of a conversation input (one row per message, grouped by a key column): it says which
/// records start a conversation, so that chunk boundaries fall only there and no conversation is split between two
/// chunks, counts the conversations, and refuses an input where a key comes back after its conversation ended, which
/// would otherwise be processed as two conversations under one key.
/// </summary>
/// <remarks>
/// Only messages are given to it: records that the chunk readers accept (the header's number of fields, no
/// unclosed quote) with a non-empty key. Other records are rejected by the chunk readers and belong to no
/// conversation, so a malformed record between two messages of a conversation does not end it.
/// <para>
/// Memory: the keys of the conversations seen so far are remembered as 64-bit XxHash64 hashes in a
/// <see cref="HashSet{T}"/> of <see cref="ulong"/>: 20 bytes per slot (the 8-byte hash, 8 bytes of the set's entry,
/// a 4-byte bucket), with up to twice as many slots as keys since the set grows by doubling. Measured: 25 to 31 bytes
/// per conversation for 0.1 to 3 million conversations, about 30 MB for a million (for a moment up to about 60 bytes
/// per conversation while the set grows), however long the keys and messages are. A repeated hash is confirmed by
/// reading the file again up to that point and comparing the keys themselves, so two keys that share a hash are never
/// mistaken for each other; that second read happens only on the way to an error, or on a hash collision (for a
/// million conversations, in about one input in 30 million).
/// </para>
/// </remarks>
public sealed class ConversationTracker
{
    private readonly string _path;
    private readonly string[] _header;
    private readonly int _keyIndex;
    private readonly string? _orderColumn;
    private readonly InputLimits _limits;
    private readonly HashSet<ulong> _seen = [];
    private byte[] _current = new byte[64];
    private int _currentLength = -1;

    /// <param name="path">The input, named in errors and read again to confirm a reappearing key.</param>
    /// <param name="header">The input's header.</param>
    /// <param name="keyIndex">The conversation column.</param>
    /// <param name="orderColumn">The order column's name, for the hint of how to sort the input; null when none.</param>
    /// <param name="limits">The field and row limits, for reading the file again as the scan read it.</param>
    public ConversationTracker(string path, string[] header, int keyIndex, string? orderColumn, InputLimits limits)
    {
        _limits = limits;
        _path = path;
        _header = header;
        _keyIndex = keyIndex;
        _orderColumn = orderColumn;
    }

    /// <summary>The conversation column.</summary>
    public int KeyIndex => _keyIndex;

    /// <summary>Conversations started so far.</summary>
    public long Conversations { get; private set; }

    /// <summary>
    /// Whether the current record of <paramref name="reader"/> is a message: accepted by the chunk readers (CsvHelper
    /// reported no unclosed quote for it when <paramref name="unterminated"/> is false, and <see cref="RecordCheck"/>
    /// finds nothing wrong) and with a key.
    /// </summary>
    public bool IsMessage(CsvReader reader, bool unterminated) =>
        RecordCheck.Problem(reader, _header, _limits, unterminated) is null && !reader.GetSpan(_keyIndex).IsEmpty;

    /// <summary>
    /// Notes the key of the next message, in input order; true when the message starts a conversation. Throws an
    /// <see cref="InputException"/> when the key's conversation already ended earlier in the input.
    /// </summary>
    /// <param name="key">The message's key, as CsvHelper decodes it (UTF-8).</param>
    /// <param name="line">The line where the message starts.</param>
    /// <param name="byteOffset">Where the message starts in the file.</param>
    public bool StartsConversation(ReadOnlySpan<byte> key, long line, long byteOffset)
    {
        if (_currentLength >= 0 && key.SequenceEqual(_current.AsSpan(0, _currentLength)))
        {
            return false;
        }

        if (!_seen.Add(XxHash64.HashToUInt64(key)) && LastEarlierMessage(key, byteOffset) is > 0 and var endedOn)
        {
            throw Reappears(Encoding.UTF8.GetString(key), endedOn, line);
        }

        if (_current.Length < key.Length)
        {
            _current = new byte[Math.Max(key.Length, _current.Length * 2)];
        }

        key.CopyTo(_current);
        _currentLength = key.Length;
        Conversations++;
        return true;
    }

    /// <summary>
    /// The line of the last message before <paramref name="beforeByte"/> whose key is <paramref name="key"/>, or 0
    /// when there is none (the hashes of two different keys met).
    /// </summary>
    private long LastEarlierMessage(ReadOnlySpan<byte> key, long beforeByte)
    {
        long line = 0;
        try
        {
            using var records = new RecordSource(_path, 0, new FileInfo(_path).Length, CsvInput.ForScan(limits: _limits));
            // An unclosed quote runs to the end of the file, so no record before this one has one.
            while (records.Read() && records.ByteOffset < beforeByte)
            {
                if (records.Oversized is null && IsMessage(records.Reader, unterminated: false) && records.Reader.GetSpan(_keyIndex).SequenceEqual(key))
                {
                    line = records.LineNumber;
                }
            }
        }
        catch (CsvFormatException e)
        {
            throw new InputException(_path, e.Message, e.LineNumber);
        }

        return line;
    }

    private InputException Reappears(string key, long endedOn, long line)
    {
        var column = _header[_keyIndex];
        var sortBy = _orderColumn is null ? $"'{column}'" : $"'{column}', then by '{_orderColumn}'";
        return new InputException(_path,
            $"conversation '{key}' appears again on line {line}, after its messages ended on line {endedOn}: " +
            $"each conversation's messages must be together in the input (its rows one after the other). " +
            $"Sort the file by {sortBy} and run on the sorted file, e.g. with csvkit: {SortCommand()}",
            line);
    }

    /// <summary>
    /// A command that groups the input by conversation. csvsort's sort is stable, so messages without an order column
    /// keep their order; <c>-I</c> keeps every value as it is written (no type inference).
    /// </summary>
    private string SortCommand()
    {
        var columns = new List<string> { ColumnArgument(_header[_keyIndex]) };
        if (_orderColumn is not null)
        {
            columns.Add(ColumnArgument(_orderColumn));
        }

        var sorted = Path.Combine(Path.GetDirectoryName(_path) ?? "",
            Path.GetFileNameWithoutExtension(_path) + ".sorted" + Path.GetExtension(_path));
        return $"csvsort -I -c {Quote(string.Join(',', columns))} {Quote(_path)} > {Quote(sorted)}";
    }

    // csvsort takes a comma-separated list of names or 1-based numbers: a name with a comma goes by its number.
    private string ColumnArgument(string name) =>
        name.Contains(',') ? (Array.IndexOf(_header, name) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : name;

    // For a POSIX shell: single quotes keep everything as it is, except a single quote, which is closed, escaped and reopened.
    private static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
