using System.Text;
using CsCheck;
using CsvHelper;
using Scalability.GrainInterfaces.Datasets;
using Scalability.Grains.Ingest;
using Scalability.Tests.Support;

namespace Scalability.Tests.BadInput;

/// <summary>
/// The planning scan and the chunk readers against CsvHelper reading the whole text in one pass, on random CSV:
/// quoted fields with separators, doubled quotes and CR, LF and CRLF inside them, stray quotes, empty fields, unicode,
/// blank lines, wrong field counts, a quote left open at the end, and fields longer than a small row limit. Chunks of
/// one to four records put chunk boundaries right after multi-line quoted fields, so a boundary found by splitting
/// lines would fall inside one. The records read chunk by chunk must be the one-pass records, each at its line.
/// </summary>
public sealed class ChunkBoundaryPropertyTests : IDisposable
{
    /// <summary>Enough for the rare shapes (an open quote in an oversized last record) to come up many times.</summary>
    private const int Cases = 10_000;

    private const int SmallRowLimit = InputLimits.SmallestRowLimit;

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static readonly string[] Words = ["a", "bc", "x y", "é", "日本", "😀", "1", "-", " "];

    private static readonly Gen<string> Plain = Gen.OneOf<string>(Words).Array[0, 4].Select(parts => string.Concat(parts));

    private static readonly Gen<string> Quoted = Gen.OneOf<string>([.. Words, ",", "\"\"", "\n", "\r", "\r\n"]).Array[0, 6]
        .Select(parts => "\"" + string.Concat(parts) + "\"");

    private static readonly Gen<string> Field = Gen.Frequency(
        (6, Plain),
        (5, Quoted),
        (1, Gen.Select(Plain, Plain, (a, b) => "z" + a + "\"" + b)), // a stray quote inside an unquoted field
        (1, Gen.Select(Plain, Plain, (a, b) => "\"" + a + "\"" + b)), // text after a closing quote
        (1, Gen.Int[SmallRowLimit - 20, 3 * SmallRowLimit].Select(n => new string('w', n))), // over the small row limit
        (1, Gen.Int[SmallRowLimit / 2, 2 * SmallRowLimit].Select(n => "\"" + string.Concat(Enumerable.Repeat("l\n", n / 2)) + "\"")));

    private static readonly Gen<string> LineBreak = Gen.OneOf<string>("\n", "\r\n", "\r");

    private static readonly Gen<CsvCase> Case =
        from columns in Gen.Int[1, 4]
        from headerBreak in LineBreak
        from records in Gen.Select(Gen.Int[-1, 1], Field.Array[4], LineBreak, Gen.Frequency((6, Gen.Const("")), (1, LineBreak)))
            .Select((delta, fields, end, blank) => string.Join(',', fields.Take(Math.Max(1, columns + (delta == 0 ? 0 : delta)))) + end + blank)
            .Array[0, 8]
        from lastEnds in Gen.Bool
        from openQuote in Gen.Frequency((9, Gen.Const("")), (1, Plain.Select(text => ",\"open " + text)))
        from chunkSize in Gen.Int[1, 4]
        from small in Gen.Bool
        select new CsvCase(
            string.Join(',', Enumerable.Range(0, columns).Select(i => "h" + i)) + headerBreak + Join(records, lastEnds, openQuote),
            chunkSize,
            small ? new InputLimits(SmallRowLimit, SmallRowLimit) : InputLimits.Default,
            openQuote.Length > 0);

    /// <summary>The records, the last one without its line break unless <paramref name="lastEnds"/>, and a quote left open at the end.</summary>
    private static string Join(string[] records, bool lastEnds, string openQuote)
    {
        var text = string.Concat(records);
        if (!lastEnds && records.Length > 0)
        {
            text = text.TrimEnd('\r', '\n');
        }

        return text + openQuote;
    }

    /// <param name="EndsInOpenQuote">Whether the last record has a quote that is never closed. Known from how the text
    /// was made: CsvHelper reports only the first quoting problem of a record, so it may not say so.</param>
    public sealed record CsvCase(string Text, int ChunkSize, InputLimits Limits, bool EndsInOpenQuote)
    {
        public override string ToString() =>
            $"chunk size {ChunkSize}, row limit {Limits.MaxRowBytes}, text: {Text.Replace("\r", "\\r").Replace("\n", "\\n")}";
    }

    private sealed record OnePassRecord(long Line, long ByteOffset, byte[] Raw, string[] Values);

    [Fact]
    public void Records_read_chunk_by_chunk_are_the_records_CsvHelper_reads_in_one_pass()
    {
        Case.Sample(Check, iter: Cases, print: c => c.ToString());
    }

    [Fact]
    public void RecordEnd_finds_where_CsvHelper_starts_the_next_record()
    {
        Case.Sample(c =>
        {
            var bytes = Encoding.UTF8.GetBytes(c.Text);
            var (separator, records) = ReadInOnePass(c.Text);
            for (var i = 0; i < records.Count; i++)
            {
                var record = records[i];
                var unterminated = c.EndsInOpenQuote && i == records.Count - 1;
                var extent = RecordEnd.Find(new MemoryStream(bytes, (int)record.ByteOffset, bytes.Length - (int)record.ByteOffset), record.ByteOffset, separator);
                Assert.Equal(record.Raw.Length, extent.ContentEnd - record.ByteOffset);
                Assert.Equal(unterminated, extent.Unterminated);
                Assert.Equal(unterminated, RecordEnd.EndsInOpenQuote(record.Raw, separator));
                var next = i + 1 < records.Count ? records[i + 1] : null;
                var gapEnd = next?.ByteOffset ?? bytes.Length;
                Assert.True(extent.NextStart <= gapEnd, $"record {i + 1} ends at {extent.NextStart}, after the next starts at {gapEnd}");
                var gap = bytes.AsSpan((int)extent.NextStart, (int)(gapEnd - extent.NextStart));
                Assert.True(gap.IndexOfAnyExcept((byte)'\r', (byte)'\n') < 0, "only blank lines lie between two records");
                if (next is not null)
                {
                    Assert.Equal(next.Line, record.Line + extent.InnerLineBreaks + 1 + LineBreaks(gap));
                }
            }
        }, iter: Cases, print: c => c.ToString());
    }

    private void Check(CsvCase c)
    {
        var path = _temp.File(Guid.NewGuid().ToString("N") + ".csv");
        File.WriteAllBytes(path, Encoding.UTF8.GetBytes(c.Text));
        try
        {
            var (_, expected) = ReadInOnePass(c.Text);
            var header = c.Text[..c.Text.IndexOfAny(['\r', '\n'])].Split(',');
            if (expected.Count == 0)
            {
                Assert.Throws<InputException>(() => ManifestScanner.Scan(path, c.ChunkSize, null, null, c.Limits));
                return;
            }

            var manifest = ManifestScanner.Scan(path, c.ChunkSize, null, null, c.Limits);
            Assert.Equal(expected.Count, manifest.RowCount);
            var read = manifest.Chunks.SelectMany(chunk => new ChunkReader(manifest, chunk).Records(CancellationToken.None)).ToList();
            Assert.Equal(expected.Count, read.Count);
            for (var i = 0; i < expected.Count; i++)
            {
                var want = expected[i];
                var (line, number) = read[i] switch
                {
                    SourceRecord s => (s.Line, s.RecordNumber),
                    RejectedRecord r => (r.Line, r.RecordNumber),
                    _ => throw new InvalidOperationException("neither a record nor a reject"),
                };
                Assert.Equal((want.Line, i + 1L), (line, number));
                var reason = c.EndsInOpenQuote && i == expected.Count - 1 ? "unterminated quoted field"
                    : want.Raw.Length > c.Limits.MaxRowBytes ? "row too long"
                    : want.Values.Length != header.Length ? "wrong field count"
                    : null;
                if (reason is null)
                {
                    Assert.Equal(want.Values, Assert.IsType<SourceRecord>(read[i]).Values);
                }
                else
                {
                    Assert.StartsWith(reason, Assert.IsType<RejectedRecord>(read[i]).Reason);
                }
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static (char Separator, List<OnePassRecord> Records) ReadInOnePass(string text)
    {
        var options = new CsvReaderOptions { HasHeader = true, TrackLineNumbers = true };
        using var reader = CsvReader.FromText(text, options);
        var records = new List<OnePassRecord>();
        _ = reader.Headers;
        while (reader.Read())
        {
            var values = Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToArray();
            records.Add(new OnePassRecord(reader.LineNumber, reader.ByteOffset, reader.RawRecord.ToArray(), values));
        }

        return (reader.Separator, records);
    }

    /// <summary>Line breaks in a run of CR and LF bytes, a CRLF being one.</summary>
    private static long LineBreaks(ReadOnlySpan<byte> gap)
    {
        long breaks = 0;
        for (var i = 0; i < gap.Length; i++)
        {
            if (gap[i] == '\n' && i > 0 && gap[i - 1] == '\r')
            {
                continue;
            }

            breaks++;
        }

        return breaks;
    }
}
