using System.Globalization;

namespace Scalability.Grains.Ingest;

/// <summary>How the order column's values of one conversation compare.</summary>
public enum OrderKind
{
    /// <summary>Every value is a number (invariant culture: <c>12</c>, <c>-3.5</c>, <c>1e3</c>): compared as numbers.</summary>
    Number,
    /// <summary>Every value is an ISO 8601 date or date and time: compared as instants.</summary>
    Date,
    /// <summary>Anything else: compared as text, ordinally (by character codes).</summary>
    Text,
}

/// <summary>
/// Puts a conversation's messages in the order of the order column. The rule is chosen per conversation from its own
/// values: numbers when every value is a number, instants when every value is an ISO 8601 date (<c>2024-03-01</c>,
/// <c>2024-03-01T10:15:30</c>, with fractions of a second and a zone or <c>Z</c>, or a space for the <c>T</c>;
/// without a zone, UTC), text compared ordinally otherwise (so a single empty or odd value makes the whole
/// conversation compare as text). The sort is stable: messages with equal values keep their input order.
/// </summary>
public static class MessageOrder
{
    private static readonly string[] IsoFormats =
    [
        "yyyy-MM-dd",
        "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd HH:mmK", "yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd HH:mm:ss.FFFFFFFK",
    ];

    /// <summary>The messages in order; the same list when there is nothing to reorder.</summary>
    public static IReadOnlyList<SourceRecord> Sort(IReadOnlyList<SourceRecord> messages, int orderIndex)
    {
        if (orderIndex < 0 || messages.Count < 2)
        {
            return messages;
        }

        var values = messages.Select(m => m.Values[orderIndex]).ToArray();
        // Enumerable.OrderBy is a stable sort.
        return KindOf(values) switch
        {
            OrderKind.Number => messages.Select((m, i) => (m, Key: ParseNumber(values[i])!.Value)).OrderBy(x => x.Key).Select(x => x.m).ToArray(),
            OrderKind.Date => messages.Select((m, i) => (m, Key: ParseDate(values[i])!.Value)).OrderBy(x => x.Key).Select(x => x.m).ToArray(),
            _ => messages.Select((m, i) => (m, Key: values[i])).OrderBy(x => x.Key, StringComparer.Ordinal).Select(x => x.m).ToArray(),
        };
    }

    public static OrderKind KindOf(IReadOnlyCollection<string> values) =>
        values.All(v => ParseNumber(v) is not null) ? OrderKind.Number
        : values.All(v => ParseDate(v) is not null) ? OrderKind.Date
        : OrderKind.Text;

    // decimal rather than double: integers up to 28 digits (such as nanosecond timestamps) compare exactly.
    private static decimal? ParseNumber(string value) =>
        decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : null;

    private static long? ParseDate(string value) =>
        DateTimeOffset.TryParseExact(value.Trim(), IsoFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? date.UtcTicks
            : null;
}
