using System.Globalization;
using System.Text;

namespace Scalability.Tests.Support;

/// <summary>
/// Generates conversation inputs: one row per message (<c>conversation_id, seq, author, body</c>), each conversation's
/// rows together, its <c>seq</c> numbers (1 to n) shuffled so that input order, numeric order and text order differ
/// (from 10 messages on, "10" sorts before "2" as text). Bodies are often quoted, with commas, doubled quotes and line
/// breaks; keys are sometimes quoted where they need not be, and some need quotes. Tests derive what they expect from
/// the rows and from where <see cref="Write"/> put them, never from numbers worked out by hand.
/// </summary>
public static class ConversationCsv
{
    public const string KeyColumn = "conversation_id";
    public const string OrderColumn = "seq";
    public const string TextColumn = "body";
    public static readonly string[] Header = [KeyColumn, OrderColumn, "author", TextColumn];

    /// <summary>One input record. A malformed one has a field too many: it is rejected, and is no message.</summary>
    public sealed record Row(string Key, int Seq, string Author, string Body, bool Malformed = false);

    /// <summary>Where <see cref="Write"/> put a row: its 1-based record number and the line it starts on.</summary>
    public sealed record Placed(Row Row, long RecordNumber, long Line);

    private static readonly string[] Words =
    [
        "refund", "invoice", "login", "password", "parcel", "late", "broken", "screen", "charged", "twice", "cancel",
        "subscription", "thanks", "hello", "order", "tracking", "app", "crash", "update", "café", "naïve", "Zürich",
    ];

    /// <param name="malformedEvery">Put a malformed record inside every this-many-th conversation (0 for none).</param>
    public static List<Row> Generate(int conversations, int seed, int maxMessages = 12, int malformedEvery = 0)
    {
        var random = new Random(seed);
        var rows = new List<Row>();
        for (var c = 1; c <= conversations; c++)
        {
            // Every seventh key needs quotes in CSV; the others may get them anyway (see Write).
            var key = c % 7 == 0 ? $"conv {c}, \"vip\"" : $"conv-{c:D4}";
            // Some conversations long enough for text order to differ from numeric order.
            var count = c % 5 == 0 ? random.Next(10, maxMessages + 1) : random.Next(1, maxMessages + 1);
            var seqs = Enumerable.Range(1, count).ToArray();
            random.Shuffle(seqs);
            var messages = seqs.Select(seq => new Row(key, seq, seq % 2 == 0 ? "agent" : "customer", Body(random, key, seq))).ToList();
            if (malformedEvery > 0 && c % malformedEvery == 0)
            {
                messages.Insert(random.Next(messages.Count + 1), new Row(key, 0, "customer", "a row with one field too many", Malformed: true));
            }

            rows.AddRange(messages);
        }

        return rows;
    }

    /// <summary>Writes the rows under the header, with LF line ends, and says where each one went.</summary>
    public static IReadOnlyList<Placed> Write(string path, IReadOnlyList<Row> rows, int seed = 1)
    {
        var random = new Random(seed);
        var text = new StringBuilder(string.Join(',', Header)).Append('\n');
        var line = 2L;
        var placed = new List<Placed>(rows.Count);
        foreach (var row in rows)
        {
            placed.Add(new Placed(row, placed.Count + 1, line));
            var fields = new List<string>
            {
                Field(row.Key, random.Next(4) == 0),
                row.Seq.ToString(CultureInfo.InvariantCulture),
                row.Author,
                Field(row.Body, random.Next(3) == 0),
            };
            if (row.Malformed)
            {
                fields.Add("extra");
            }

            var record = string.Join(',', fields);
            text.Append(record).Append('\n');
            line += 1 + record.Count(ch => ch == '\n');
        }

        File.WriteAllBytes(path, Encoding.UTF8.GetBytes(text.ToString()));
        return placed;
    }

    /// <summary>The messages of each conversation in input order, conversations in input order (malformed rows left out).</summary>
    public static List<(string Key, List<Placed> Messages)> Conversations(IEnumerable<Placed> placed)
    {
        var conversations = new List<(string Key, List<Placed> Messages)>();
        foreach (var message in placed.Where(p => !p.Row.Malformed))
        {
            if (conversations.Count == 0 || conversations[^1].Key != message.Row.Key)
            {
                conversations.Add((message.Row.Key, []));
            }

            conversations[^1].Messages.Add(message);
        }

        return conversations;
    }

    /// <summary>A conversation's bodies in <c>seq</c> order, as the processor should read them.</summary>
    public static List<string> BodiesInOrder(IEnumerable<Placed> messages) =>
        messages.OrderBy(m => m.Row.Seq).Select(m => m.Row.Body).ToList();

    private static string Body(Random random, string key, int seq)
    {
        var words = Enumerable.Range(0, random.Next(3, 12)).Select(_ => Words[random.Next(Words.Length)]);
        var body = $"[{key} #{seq}] " + string.Join(' ', words);
        return random.Next(4) switch
        {
            0 => body + ",\nsecond line, with \"quotes\"\n\nand a third",
            1 => body + ", see \"order 12\"",
            _ => body,
        };
    }

    private static string Field(string value, bool quoteAnyway) =>
        quoteAnyway || value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
}
