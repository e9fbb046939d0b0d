using System.Text;
using CsvHelper;

namespace Scalability.Grains.Ingest;

/// <summary>
/// Whether a record can be processed, judged the same way by the chunk readers and by the planning scan of a
/// conversation input: the reason to reject it, naming the field and what is wrong, or null.
/// </summary>
public static class RecordCheck
{
    /// <param name="unterminated">Whether CsvHelper reported a quote in this record that is never closed.</param>
    public static string? Problem(CsvReader reader, string[] header, InputLimits limits, bool unterminated)
    {
        if (unterminated)
        {
            return Unterminated;
        }

        var raw = reader.RawRecord;
        if (raw.Length > limits.MaxRowBytes)
        {
            return TooLong(raw.Length, limits.MaxRowBytes);
        }

        if (reader.FieldCount != header.Length)
        {
            return $"wrong field count: expected {header.Length} fields (as in the header), found {reader.FieldCount}";
        }

        // A field's value is never longer than the record, so short records, nearly all of them, skip this.
        for (var i = 0; raw.Length > limits.MaxFieldBytes && i < header.Length; i++)
        {
            if (reader.GetSpan(i).Length is var length && length > limits.MaxFieldBytes)
            {
                return FieldTooLong + $"{Field(header, i)} holds {ByteSizes.Describe(length)}, over the field limit of " +
                       $"{ByteSizes.Describe(limits.MaxFieldBytes)} (--max-field-bytes)";
            }
        }

        if (!System.Text.Unicode.Utf8.IsValid(raw))
        {
            for (var i = 0; i < header.Length; i++)
            {
                var field = reader.GetRawSpan(i);
                if (FirstInvalidByte(field) is var at and >= 0)
                {
                    return $"invalid UTF-8: {Field(header, i)} has the byte 0x{field[at]:X2} at byte {at + 1} of the field, " +
                           "which is not UTF-8 text; save the file as UTF-8";
                }
            }
        }

        if (raw.Contains((byte)0))
        {
            for (var i = 0; i < header.Length; i++)
            {
                if (reader.GetRawSpan(i).IndexOf((byte)0) is var at and >= 0)
                {
                    return $"NUL byte: {Field(header, i)} holds a NUL (0x00) byte at byte {at + 1} of the field, which text never holds";
                }
            }
        }

        return null;
    }

    private const string Unterminated =
        "unterminated quoted field: a quote opened in this record is never closed, so it runs to the end of the file";

    /// <summary>The reason for a record too large to read, as <see cref="RecordEnd"/> found it.</summary>
    public static string Oversized(OversizedRecord record, int maxRowBytes) => record.Extent.Unterminated
        ? $"{Unterminated} ({ByteSizes.Describe(record.Bytes)}, over the row limit of {ByteSizes.Describe(maxRowBytes)})"
        : TooLong(record.Bytes, maxRowBytes);

    /// <summary>The reason for a record over the row limit, <paramref name="bytes"/> long without its line break.</summary>
    public static string TooLong(long bytes, int maxRowBytes) =>
        RowTooLong + $"{ByteSizes.Describe(bytes)}, over the row limit of {ByteSizes.Describe(maxRowBytes)} (--max-row-bytes)";

    private const string RowTooLong = "row too long: ";
    private const string FieldTooLong = "field too long: ";

    /// <summary>Whether a reason is that of a record over the row or field limit.</summary>
    public static bool IsAboutSize(string reason) =>
        reason.StartsWith(RowTooLong, StringComparison.Ordinal) || reason.StartsWith(FieldTooLong, StringComparison.Ordinal);

    private static string Field(string[] header, int index) => $"column '{header[index]}' (field {index + 1})";

    private static int FirstInvalidByte(ReadOnlySpan<byte> bytes)
    {
        var at = 0;
        while (at < bytes.Length)
        {
            if (Rune.DecodeFromUtf8(bytes[at..], out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return at;
            }

            at += consumed;
        }

        return -1;
    }
}
