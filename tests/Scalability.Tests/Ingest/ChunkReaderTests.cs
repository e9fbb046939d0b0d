using Scalability.Grains.Ingest;
using Scalability.Tests.Support;

namespace Scalability.Tests.Ingest;

public sealed class ChunkReaderTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_record_with_the_wrong_field_count_is_rejected_with_its_line_and_text()
    {
        var path = _temp.Write("count.csv", "id,text\n1,a\n2,\"b\nc\",extra\n3,d\n");
        var manifest = ManifestScanner.Scan(path, chunkSize: 10);

        var records = new ChunkReader(manifest, manifest.Chunks[0]).Records(CancellationToken.None).ToList();

        Assert.Equal(3, records.Count);
        Assert.Equal(["1", "a"], Assert.IsType<SourceRecord>(records[0]).Values);
        var reject = Assert.IsType<RejectedRecord>(records[1]);
        Assert.Equal(new RejectedRecord(2, 3, "wrong field count: expected 2 fields (as in the header), found 3", "2,\"b\nc\",extra"), reject);
        var last = Assert.IsType<SourceRecord>(records[2]);
        Assert.Equal((3L, 5L), (last.RecordNumber, last.Line));
        Assert.Equal(["3", "d"], last.Values);
    }

    [Fact]
    public void An_unterminated_quote_rejects_the_record_it_opens_and_keeps_the_rest_of_the_file_in_it()
    {
        var path = _temp.Write("quote.csv", "id,text\n1,a\n2,\"never closed\n3,c\n4,d\n");
        var manifest = ManifestScanner.Scan(path, chunkSize: 1);

        var records = manifest.Chunks.SelectMany(c => new ChunkReader(manifest, c).Records(CancellationToken.None)).ToList();

        Assert.Equal(2, manifest.RowCount);
        Assert.IsType<SourceRecord>(records[0]);
        var reject = Assert.IsType<RejectedRecord>(records[1]);
        Assert.Equal(2, reject.RecordNumber);
        Assert.Equal(3, reject.Line);
        Assert.StartsWith("unterminated quoted field", reject.Reason);
        Assert.Equal("2,\"never closed\n3,c\n4,d\n", reject.Raw);
    }

    [Fact]
    public void A_stray_quote_inside_an_unquoted_field_is_kept_as_text()
    {
        var path = _temp.Write("stray.csv", "id,text\n1,my 27\" monitor flickers\n");
        var manifest = ManifestScanner.Scan(path, chunkSize: 10);

        var record = Assert.IsType<SourceRecord>(Assert.Single(new ChunkReader(manifest, manifest.Chunks[0]).Records(CancellationToken.None)));

        Assert.Equal(["1", "my 27\" monitor flickers"], record.Values);
    }

    [Fact]
    public void A_file_changed_after_planning_is_refused()
    {
        var path = _temp.Write("changed.csv", "id,text\n1,a\n2,b\n");
        var manifest = ManifestScanner.Scan(path, chunkSize: 10);
        File.AppendAllText(path, "3,c\n");

        var error = Assert.Throws<InputException>(() => new ChunkReader(manifest, manifest.Chunks[0]).Records(CancellationToken.None).ToList());

        Assert.Equal($"{path}: the file changed since the job was planned; start a new job for the new file", error.Message);
    }
}
