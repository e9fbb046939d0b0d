using System.Text;
using CsvHelper;
using Scalability.Grains.Ingest;
using Scalability.Tests.Support;

namespace Scalability.Tests.Ingest;

public sealed class ManifestScannerTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Counts_records_not_lines_when_quoted_fields_hold_line_breaks()
    {
        var path = _temp.Write("q.csv", "id,text\n1,\"first\nsecond\nthird\"\n2,plain\n3,\"a, \"\"quoted\"\" word\"\n");

        var manifest = ManifestScanner.Scan(path, chunkSize: 10);

        Assert.Equal(3, manifest.RowCount);
        Assert.Equal(["id", "text"], manifest.Header);
        var chunk = Assert.Single(manifest.Chunks);
        Assert.Equal(new ChunkBounds(0, 8, new FileInfo(path).Length, 1, 2, 3), chunk);
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void Chunk_ranges_read_back_every_record_exactly_once_whatever_the_line_endings(string newline)
    {
        var text = MultiLineCsv(records: 23, newline, bom: false);
        var path = _temp.Write("m.csv", text);

        foreach (var chunkSize in new[] { 1, 2, 3, 5, 7, 23, 50 })
        {
            var manifest = ManifestScanner.Scan(path, chunkSize);

            Assert.Equal(23, manifest.RowCount);
            Assert.Equal((23 + chunkSize - 1) / chunkSize, manifest.Chunks.Length);
            Assert.Equal(ReadWhole(path), ReadChunks(manifest));
        }
    }

    [Fact]
    public void Chunk_starts_are_record_starts_even_where_a_line_split_would_fall_inside_a_quoted_field()
    {
        var path = _temp.Write("inside.csv", MultiLineCsv(records: 12, "\n", bom: false));
        var bytes = File.ReadAllBytes(path);

        var manifest = ManifestScanner.Scan(path, chunkSize: 1);

        // Every record of this file spans several physical lines, so most line starts are inside quoted fields;
        // the scan must pick the one line start per record that begins it.
        var lineStarts = Enumerable.Range(1, bytes.Length - 1).Where(i => bytes[i - 1] == (byte)'\n').ToHashSet();
        Assert.True(lineStarts.Count > manifest.RowCount * 2);
        Assert.All(manifest.Chunks, chunk =>
        {
            Assert.Contains((int)chunk.StartByte, lineStarts);
            Assert.StartsWith($"{chunk.FirstRecordNumber},", Encoding.UTF8.GetString(bytes, (int)chunk.StartByte, 12));
        });
        Assert.Equal(ReadWhole(path), ReadChunks(manifest));
    }

    [Fact]
    public void A_byte_order_mark_is_skipped_and_counted_in_the_offsets()
    {
        var path = _temp.Write("bom.csv", "\uFEFFid,text\r\n1,a\r\n2,b\r\n");

        var manifest = ManifestScanner.Scan(path, chunkSize: 1);

        Assert.Equal(["id", "text"], manifest.Header);
        Assert.Equal([12L, 17L], manifest.Chunks.Select(c => c.StartByte));
        Assert.Equal([["1", "a"], ["2", "b"]], ReadChunks(manifest));
    }

    [Fact]
    public void Lines_are_those_of_the_file_including_lines_inside_quotes()
    {
        var path = _temp.Write("lines.csv", "id,text\n1,\"a\nb\"\n2,c\n3,\"d\n\ne\"\n4,f\n");

        var manifest = ManifestScanner.Scan(path, chunkSize: 1);

        Assert.Equal([2L, 4L, 5L, 8L], manifest.Chunks.Select(c => c.FirstLine));
        Assert.Equal([1L, 2L, 3L, 4L], manifest.Chunks.Select(c => c.FirstRecordNumber));
    }

    [Fact]
    public void Detects_the_separator_and_keeps_it_for_the_chunk_readers()
    {
        var path = _temp.Write("semi.csv", "id;text\n1;a,b\n2;c\n");

        var manifest = ManifestScanner.Scan(path, chunkSize: 1);

        Assert.Equal(';', manifest.Separator);
        Assert.Equal([["1", "a,b"], ["2", "c"]], ReadChunks(manifest));
    }

    [Fact]
    public void The_real_kaggle_dataset_scans_to_its_8469_records()
    {
        var manifest = ManifestScanner.Scan(TestPaths.Dataset(TestPaths.Kaggle), chunkSize: 1000);

        Assert.Equal(8469, manifest.RowCount);
        Assert.Equal(9, manifest.Chunks.Length);
        Assert.Equal(17, manifest.Header.Length);
        Assert.Equal(8469, manifest.Chunks.Sum(c => c.Rows));
    }

    [Fact]
    public void A_missing_file_is_named_in_the_error()
    {
        var path = _temp.File("nope.csv");

        var error = Assert.Throws<InputException>(() => ManifestScanner.Scan(path, 10));

        Assert.Equal($"{path}: file not found", error.Message);
    }

    [Fact]
    public void An_empty_file_is_refused_with_the_reason()
    {
        var path = _temp.Write("empty.csv", "");

        var error = Assert.Throws<InputException>(() => ManifestScanner.Scan(path, 10));

        Assert.Equal($"{path}: the file is empty (0 bytes): expected a header row and data rows", error.Message);
    }

    [Fact]
    public void A_header_only_file_is_refused_on_line_1()
    {
        var path = _temp.Write("header.csv", "id,subject,body\n");

        var error = Assert.Throws<InputException>(() => ManifestScanner.Scan(path, 10));

        Assert.Equal($"{path}:1: the file has a header (3 columns) but no data rows", error.Message);
    }

    [Fact]
    public void A_utf16_file_is_refused_with_what_to_do()
    {
        var path = _temp.File("utf16.csv");
        File.WriteAllText(path, "id,text\n1,a\n", new UnicodeEncoding(bigEndian: false, byteOrderMark: true));

        var error = Assert.Throws<InputException>(() => ManifestScanner.Scan(path, 10));

        Assert.Contains("UTF-16", error.Message);
        Assert.Contains("save it as UTF-8", error.Message);
    }

    /// <summary>A CSV whose every record holds quoted line breaks, commas and quotes.</summary>
    internal static string MultiLineCsv(int records, string newline, bool bom)
    {
        var text = new StringBuilder(bom ? "\uFEFF" : "");
        text.Append("id,subject,body").Append(newline);
        for (var i = 1; i <= records; i++)
        {
            text.Append(i).Append(",\"Subject ").Append(i).Append(", with comma\",\"Line one of ").Append(i)
                .Append(newline).Append("line two, \"\"quoted\"\"").Append(newline).Append(newline)
                .Append(i).Append(",not,a,record\"").Append(newline);
        }

        return text.ToString();
    }

    private static List<string[]> ReadWhole(string path)
    {
        using var reader = CsvReader.FromFile(path, new CsvReaderOptions { HasHeader = true }, FileOptions.None);
        return Collect(reader);
    }

    private static List<string[]> ReadChunks(DatasetManifest manifest)
    {
        var rows = new List<string[]>();
        foreach (var chunk in manifest.Chunks)
        {
            var records = new ChunkReader(manifest, chunk).Records(CancellationToken.None).ToList();
            Assert.Equal(chunk.Rows, records.Count);
            rows.AddRange(records.Cast<SourceRecord>().Select(r => r.Values));
        }

        return rows;
    }

    private static List<string[]> Collect(CsvReader reader)
    {
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToArray());
        }

        return rows;
    }
}
