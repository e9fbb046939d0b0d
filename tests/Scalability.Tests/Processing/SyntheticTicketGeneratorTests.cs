using System.Diagnostics;
using System.Globalization;
using System.Text;
using CsvHelper;
using Scalability.Grains.Ingest;
using Scalability.Grains.Processing;
using Xunit.Abstractions;

namespace Scalability.Tests.Processing;

public sealed class SyntheticTicketGeneratorTests(ITestOutputHelper output)
{
    private static byte[] Generate(long rows, int seed)
    {
        using var stream = new MemoryStream();
        SyntheticTicketGenerator.Write(stream, rows, seed);
        return stream.ToArray();
    }

    /// <summary>The records of generated CSV, read back with CsvHelper.</summary>
    internal static List<string[]> ReadBack(byte[] csv, out string[] header)
    {
        using var reader = CsvReader.Create(new MemoryStream(csv), new CsvReaderOptions { HasHeader = true }, leaveOpen: false);
        header = [.. reader.Headers];
        var records = new List<string[]>();
        while (reader.Read())
        {
            var fields = new string[reader.FieldCount];
            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = reader.GetString(i);
            }

            records.Add(fields);
        }

        return records;
    }

    internal static IReadOnlyList<string> GeneratedBodies(int rows, int seed) =>
        ReadBack(Generate(rows, seed), out _).Select(r => r[5]).ToArray();

    [Fact]
    public void Same_seed_gives_identical_bytes()
    {
        Assert.Equal(Generate(3000, 42), Generate(3000, 42));
    }

    [Fact]
    public void Different_seeds_give_different_tickets()
    {
        Assert.NotEqual(Generate(200, 1), Generate(200, 2));
    }

    [Fact]
    public void Stream_and_text_writer_give_the_same_text()
    {
        var bytes = Generate(500, 9);
        using var writer = new StringWriter(CultureInfo.InvariantCulture);

        SyntheticTicketGenerator.Write(writer, 500, 9);

        Assert.Equal(Encoding.UTF8.GetString(bytes), writer.ToString());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2500)]
    public void Writes_exactly_the_requested_rows_with_seven_fields(int rows)
    {
        var csv = Generate(rows, 5);

        var records = ReadBack(csv, out var header);

        Assert.Equal(["ticket_id", "created_at", "channel", "customer_name", "subject", "body", "priority"], header);
        Assert.Equal(SyntheticTicketGenerator.Columns, header);
        Assert.Equal(rows, records.Count);
        var previous = DateTime.MinValue;
        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i];
            Assert.Equal(7, record.Length);
            Assert.Equal($"T-{i + 1:D6}", record[0]);
            var createdAt = DateTime.ParseExact(record[1], "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
            Assert.True(createdAt > previous, $"row {i + 1}: {record[1]} is not after the previous row");
            previous = createdAt;
            Assert.Contains(record[2], new[] { "email", "web", "chat", "phone", "social" });
            Assert.All(record[3..6], field => Assert.False(string.IsNullOrWhiteSpace(field)));
            Assert.Contains(record[6], new[] { "low", "medium", "high", "urgent" });
        }
    }

    [Fact]
    public void Output_is_utf8_without_bom_with_lf_line_ends()
    {
        var csv = Generate(1000, 3);

        Assert.False(csv.AsSpan().StartsWith(Encoding.UTF8.Preamble), "starts with a byte order mark");
        Assert.DoesNotContain((byte)'\r', csv);
        Assert.StartsWith("ticket_id,created_at,channel,customer_name,subject,body,priority\n", Encoding.UTF8.GetString(csv), StringComparison.Ordinal);
        // Valid UTF-8 round-trips unchanged.
        Assert.Equal(csv, Encoding.UTF8.GetBytes(new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(csv)));
    }

    [Fact]
    public void Fields_hold_line_breaks_commas_quotes_and_non_ascii_text()
    {
        var csv = Generate(1000, 11);
        var records = ReadBack(csv, out _);
        var text = Encoding.UTF8.GetString(csv);

        Assert.Contains(records, r => r[5].Contains('\n', StringComparison.Ordinal));
        Assert.Contains(records, r => r[5].Contains("\n\n", StringComparison.Ordinal));
        Assert.Contains(records, r => r[5].Contains(',', StringComparison.Ordinal));
        Assert.Contains(records, r => r[3].Contains(',', StringComparison.Ordinal));
        Assert.Contains(records, r => r[5].Contains('"', StringComparison.Ordinal));
        Assert.Contains(records, r => r[4].Contains('"', StringComparison.Ordinal) || r[5].Contains('"', StringComparison.Ordinal));
        Assert.Contains(records, r => r[3].Any(c => c > 127));
        Assert.Contains(records, r => r[5].Any(c => c > 127));
        // RFC 4180: a quote inside a field is written doubled.
        Assert.Contains("\"\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Body_lengths_vary_from_one_liners_to_long_messages()
    {
        var lengths = GeneratedBodies(5000, 21).Select(b => b.Length).Order().ToArray();

        var median = lengths[lengths.Length / 2];
        output.WriteLine($"body length: min {lengths[0]}, median {median}, 99th percentile {lengths[lengths.Length * 99 / 100]}, max {lengths[^1]}");
        Assert.InRange(median, 180, 330);
        Assert.True(lengths[0] < 100, "no one-liners");
        Assert.True(lengths[^1] > 1000, "no long messages");
    }

    [Fact]
    public void Generated_text_spreads_over_the_categories()
    {
        var counts = GeneratedBodies(2000, 17)
            .GroupBy(body => KeywordCategorizer.Default.Categorize(body).Category)
            .ToDictionary(g => g.Key, g => g.Count());

        output.WriteLine(string.Join(", ", counts.OrderByDescending(c => c.Value).Select(c => $"{c.Key} {c.Value}")));
        Assert.True(counts.Count >= 6, $"only {counts.Count} categories: {string.Join(", ", counts.Keys)}");
    }

    [Fact]
    public void Streams_half_a_million_rows_in_constant_memory()
    {
        const long rows = 500_000;
        using var sink = new CountingStream();
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var stopwatch = Stopwatch.StartNew();

        SyntheticTicketGenerator.Write(sink, rows, seed: 1);

        stopwatch.Stop();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        output.WriteLine($"{rows} rows, {sink.Length / 1e6:F0} MB in {stopwatch.Elapsed.TotalSeconds:F2} s: " +
                         $"{rows / stopwatch.Elapsed.TotalSeconds:F0} rows/s, {allocated / 1024} KiB allocated");
        Assert.True(sink.Length > rows * 100, $"only {sink.Length} bytes");
        // Buffers are reused row after row; allocation must not grow with the number of rows.
        Assert.True(allocated < 4 * 1024 * 1024, $"{allocated} bytes allocated for {rows} rows");
    }

    /// <summary>A write-only stream that keeps nothing but the byte count.</summary>
    private sealed class CountingStream : Stream
    {
        private long _length;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _length;
        public override long Position { get => _length; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => _length += count;
        public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;
    }
}
