using System.Text;

namespace Scalability.Tests.BadInput;

/// <summary>
/// The corpus inputs too large to commit, written when their case runs: a 50 MiB field, a field over the field limit,
/// a long row under the limits, 10,000 columns, a quote left open before 200,000 rows, and limits set by options.
/// </summary>
public static class GeneratedCorpus
{
    private const string Header = "ticket_id,subject,body\n";
    private const string WrongCount = "wrong field count: expected 3 fields (as in the header), found ";

    public sealed record Generated(CorpusCase Case, Action<Stream> Write);

    public static IReadOnlyList<Generated> All { get; } =
    [
        new(new CorpusCase("field-50mb", "field-50mb.csv", [], 0, Rows: 4, Ok: 2, Rejected: 2,
                Rejects:
                [
                    new(3, "row too long: 50.0 MiB (52,428,810 bytes), over the row limit of 4 MiB (4,194,304 bytes) (--max-row-bytes)",
                        RawEnd: "… [cut: the first 4,096 of 52,428,810 bytes]"),
                    new(6, WrongCount + "2", Raw: "B4,Short"),
                ],
                Output: new() { ["ticket_id"] = ["B1", "B3"], ["body"] = ["fine", "still\nfine"] },
                Note: "a record over the row limit is passed over without being held in memory; the records after it are read"),
            output =>
            {
                Text(output, Header + "B1,Before,fine\nB2,Huge,\"");
                Repeat(output, (byte)'x', 50L * 1024 * 1024);
                Text(output, "\"\nB3,After,\"still\nfine\"\nB4,Short\n");
            }),
        new(new CorpusCase("field-2mb", "field-2mb.csv", [], 0, Rows: 3, Ok: 2, Rejected: 1,
                Rejects:
                [
                    new(3, "field too long: column 'body' (field 3) holds 2 MiB (2,097,152 bytes), over the field limit of 1 MiB (1,048,576 bytes) (--max-field-bytes)",
                        RawEnd: "… [cut: the first 4,096 of 2,097,159 bytes]"),
                ],
                Output: new() { ["ticket_id"] = ["B1", "B3"] }),
            output =>
            {
                Text(output, Header + "B1,Before,fine\nB2,Big,");
                Repeat(output, (byte)'y', 2L * 1024 * 1024);
                Text(output, "\nB3,After,fine\n");
            }),
        new(new CorpusCase("long-row-within-limits", "long-row.csv", [], 0, Rows: 2, Ok: 2,
                Output: new() { ["ticket_id"] = ["L1", "L2"], ["body"] = [new string('z', 900 * 1024), "fine"] }),
            output =>
            {
                Text(output, Header + "L1,Long,");
                Repeat(output, (byte)'z', 900 * 1024);
                Text(output, "\nL2,After,fine\n");
            }),
        new(new CorpusCase("columns-10000", "columns-10000.csv", [], 0, Rows: 3, Ok: 3,
                Output: new() { ["ticket_id"] = ["W1", "W2", "W3"], ["c10000"] = ["v10000", "v10000", "v10000"] }),
            output =>
            {
                Text(output, "ticket_id,subject,body," + string.Join(',', Enumerable.Range(4, 9997).Select(i => "c" + i)) + "\n");
                for (var row = 1; row <= 3; row++)
                {
                    Text(output, $"W{row},Wide,a wide row," + string.Join(',', Enumerable.Range(4, 9997).Select(i => "v" + i)) + "\n");
                }
            }),
        new(new CorpusCase("unclosed-quote-before-200000-rows", "unclosed-quote.csv", [], 0, Rows: 2, Ok: 1, Rejected: 1,
                Rejects: [new(3, "unterminated quoted field: a quote opened in this record is never closed, so it runs to the end of the file (6.1 MiB")],
                Output: new() { ["ticket_id"] = ["U0"] },
                Note: "the open quote makes one record of the rest of the file, over the row limit: one reject, not held in memory"),
            output =>
            {
                Text(output, Header + "U0,Start,fine\nU1,Open,\"this quote never closes\n");
                for (var row = 2; row <= 200_001; row++)
                {
                    Text(output, $"U{row},Row,ticket number {row}\n");
                }
            }),
        new(new CorpusCase("limits-set-by-options", "limits.csv", ["--max-field-bytes", "65536", "--max-row-bytes", "131072"], 0,
                Rows: 4, Ok: 2, Rejected: 2,
                Rejects:
                [
                    new(3, "field too long: column 'body' (field 3) holds 97.7 KiB (100,000 bytes), over the field limit of 64 KiB (65,536 bytes)"),
                    new(4, "row too long: 195.3 KiB (200,007 bytes), over the row limit of 128 KiB (131,072 bytes)"),
                ],
                Output: new() { ["ticket_id"] = ["L1", "L4"] }),
            output =>
            {
                Text(output, Header + "L1,Short,fine\nL2,Field,");
                Repeat(output, (byte)'f', 100_000);
                Text(output, "\nL3,Row,");
                Repeat(output, (byte)'r', 200_000);
                Text(output, "\nL4,Short,fine\n");
            }),
    ];

    private static void Text(Stream output, string text) => output.Write(Encoding.UTF8.GetBytes(text));

    private static void Repeat(Stream output, byte value, long count)
    {
        var block = new byte[1 << 20];
        Array.Fill(block, value);
        for (var left = count; left > 0; left -= block.Length)
        {
            output.Write(block, 0, (int)Math.Min(block.Length, left));
        }
    }
}
